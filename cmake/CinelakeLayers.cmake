# One static library per source folder, each linking only the layers below it.
#
#   cinelake_layer(<name> [TESTING] [DEPS <layer>...] [LIBS <imported target>...]
#                  [EXCLUDE <file>...])
#
# declares the library `cinelake_<name>` built from the .cc files directly in
# the calling folder (subfolders are layers of their own; *_test.cc files are
# collected into the test binary). DEPS are other layers' names; they are
# linked PUBLIC because our headers include theirs. TESTING marks a test-only
# library (fakes, fixtures, sample generators): it never links into the
# product binary, and only tests and other testing layers may depend on it.
#
# Each call also records the folder and the folders it may include from, so
# cmake/check_layers.cmake can fail the build on an include that runs upwards.

set_property(GLOBAL PROPERTY CINELAKE_LAYERS "")

function(cinelake_layer name)
  cmake_parse_arguments(L "TESTING" "" "DEPS;LIBS;EXCLUDE" ${ARGN})
  file(RELATIVE_PATH folder ${PROJECT_SOURCE_DIR}/src ${CMAKE_CURRENT_SOURCE_DIR})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  list(FILTER sources EXCLUDE REGEX "_test\\.cc$")
  foreach(excluded ${L_EXCLUDE})
    list(REMOVE_ITEM sources ${CMAKE_CURRENT_SOURCE_DIR}/${excluded})
  endforeach()
  file(GLOB tests CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cc)
  set_property(GLOBAL APPEND PROPERTY CINELAKE_TEST_SOURCES ${tests})

  set(target cinelake_${name})
  if(sources)
    add_library(${target} STATIC ${sources})
    target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR}/src ${PROJECT_BINARY_DIR}/generated)
    set(scope PUBLIC)
  else()
    add_library(${target} INTERFACE)
    target_include_directories(${target} INTERFACE ${PROJECT_SOURCE_DIR}/src ${PROJECT_BINARY_DIR}/generated)
    set(scope INTERFACE)
  endif()
  set(allowed ${folder})
  foreach(dep ${L_DEPS})
    if(NOT TARGET cinelake_${dep})
      message(FATAL_ERROR "layer ${name} (src/${folder}) depends on '${dep}', which is not declared before it")
    endif()
    get_property(dep_testing TARGET cinelake_${dep} PROPERTY CINELAKE_TESTING)
    if(dep_testing AND NOT L_TESTING)
      message(FATAL_ERROR "product layer ${name} may not depend on test-only layer ${dep}")
    endif()
    target_link_libraries(${target} ${scope} cinelake_${dep})
    get_property(dep_allowed TARGET cinelake_${dep} PROPERTY CINELAKE_ALLOWED)
    list(APPEND allowed ${dep_allowed})
  endforeach()
  if(L_LIBS)
    target_link_libraries(${target} ${scope} ${L_LIBS})
  endif()
  list(REMOVE_DUPLICATES allowed)
  set_property(TARGET ${target} PROPERTY CINELAKE_ALLOWED ${allowed})
  set_property(TARGET ${target} PROPERTY CINELAKE_TESTING ${L_TESTING})
  if(NOT L_TESTING)
    set_property(GLOBAL APPEND PROPERTY CINELAKE_PRODUCT_LAYERS ${target})
  endif()
  string(REPLACE ";" "," allowed_csv "${allowed}")
  set_property(GLOBAL APPEND PROPERTY CINELAKE_LAYERS "${folder}=${allowed_csv}")
endfunction()

# Writes the layer map the include check reads: one line per folder,
# "<folder>=<folder it may include>,...". Tests (*_test.cc) may also include
# any test-only folder.
function(cinelake_write_layer_map path)
  get_property(layers GLOBAL PROPERTY CINELAKE_LAYERS)
  string(REPLACE ";" "\n" content "${layers}")
  file(WRITE ${path} "${content}\n")
endfunction()
