# cinelake: the two set-up commands are `make demo` and `make test`.
# Everything else here is for developers.

SANITIZE ?= 0
BUILD_TYPE ?= RelWithDebInfo
ifeq ($(SANITIZE),1)
BUILD_DIR ?= build-asan
CMAKE_FLAGS += -DCINELAKE_SANITIZE=ON -DCINELAKE_BENCH=OFF
else
BUILD_DIR ?= build
endif
JOBS ?= $(shell nproc)
# Warnings are errors in the project's own builds; a packager's plain cmake
# build leaves them warnings.
CMAKE_FLAGS += -DCINELAKE_WERROR=ON
CTEST_ARGS ?=

.PHONY: all deps build web test demo bench fuzz format format-check clean install package

all: build

deps:
	@bash scripts/install-deps.sh

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

build: deps $(BUILD_DIR)/build.ninja web
	cmake --build $(BUILD_DIR) -j $(JOBS)

# The dashboard's front end, built from npm packages into web/dist.
web: deps
	@if [ -f web/package.json ]; then cd web && npm run --silent build; fi

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) $(CTEST_ARGS)

# Installs under PREFIX (default /usr/local); DESTDIR stages it elsewhere,
# e.g. `make install PREFIX=/usr DESTDIR=/tmp/stage`.
PREFIX ?= /usr/local
install: build
	DESTDIR="$(DESTDIR)" cmake --install $(BUILD_DIR) --prefix "$(PREFIX)"

# The Debian package, $(BUILD_DIR)/cinelake_<version>_<arch>.deb (CPack).
package: build
	cmake --build $(BUILD_DIR) -j $(JOBS) --target package

demo: build
	@bash scripts/demo.sh $(BUILD_DIR)/cinelake

bench: build
	@bash scripts/bench.sh $(BUILD_DIR)

FUZZ_SECONDS ?= 60
fuzz: build
	cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DCINELAKE_SANITIZE=ON -DCINELAKE_FUZZ=ON -DCINELAKE_BENCH=OFF
	cmake --build build-fuzz -j $(JOBS) --target $(notdir $(basename $(wildcard fuzz/*_fuzz.cc)))
	@bash scripts/fuzz.sh build-fuzz $(FUZZ_SECONDS)

format:
	@git ls-files '*.cc' '*.h' | xargs clang-format -i

format-check:
	@bash scripts/format-check.sh

clean:
	rm -rf build build-asan build-fuzz web/dist
