# Installs the systemd units, run from `cmake --install` (see the install
# section of the top-level CMakeLists.txt). The templates name the binary as
# @CINELAKE_BIN@, which depends on the prefix chosen at install time, so
# they are filled in here rather than at configure time. Expects
# CINELAKE_SOURCE_DIR, CINELAKE_BINARY_DIR, CINELAKE_UNIT_DIR,
# CINELAKE_BINDIR and CINELAKE_DOC_SUBDIR; CMAKE_INSTALL_PREFIX is the prefix
# and file(INSTALL) adds DESTDIR.
set(CINELAKE_BIN "${CMAKE_INSTALL_PREFIX}/${CINELAKE_BINDIR}/cinelake")
set(CINELAKE_DOCDIR "${CMAKE_INSTALL_PREFIX}/${CINELAKE_DOC_SUBDIR}")

# One staging folder per destination, so concurrent installs (a test beside
# `make package`) never write the same file.
string(MD5 staging_key "$ENV{DESTDIR}|${CMAKE_INSTALL_PREFIX}")
set(staging "${CINELAKE_BINARY_DIR}/packaging/units-${staging_key}")
file(MAKE_DIRECTORY "${staging}")

set(units "${CINELAKE_SOURCE_DIR}/packaging/systemd/cinelake-run.timer")
foreach(name cinelake-run.service cinelake-serve.service)
  file(READ "${CINELAKE_SOURCE_DIR}/packaging/systemd/${name}.in" template)
  string(CONFIGURE "${template}" unit @ONLY)
  file(WRITE "${staging}/${name}" "${unit}")
  list(APPEND units "${staging}/${name}")
endforeach()
file(INSTALL DESTINATION "${CMAKE_INSTALL_PREFIX}/${CINELAKE_UNIT_DIR}" TYPE FILE
  PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ FILES ${units})
file(REMOVE_RECURSE "${staging}")
