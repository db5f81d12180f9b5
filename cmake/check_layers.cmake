cmake_minimum_required(VERSION 3.25)
# Fails when a source file includes a header of a layer above its own.
#
#   cmake -DSOURCE_DIR=<repo> -DLAYER_MAP=<file> [-DSTAMP=<file>] -P check_layers.cmake
#
# LAYER_MAP (written by cinelake_write_layer_map) lists, per folder under
# src/, the folders its files may include from: the folder itself and the
# layers it links, transitively. Project includes are the quoted form
# "folder/header.h"; system and library headers use <...> and are not checked.
# A *_test.cc file may also include test-only folders ("*/testing").

file(STRINGS ${LAYER_MAP} lines)
set(known "")
foreach(line ${lines})
  string(REGEX MATCH "^([^=]+)=(.*)$" _ "${line}")
  set(folder ${CMAKE_MATCH_1})
  string(REPLACE "," ";" allowed "${CMAKE_MATCH_2}")
  set(ALLOWED_${folder} ${allowed})
  list(APPEND known ${folder})
endforeach()

set(violations "")
file(GLOB_RECURSE files RELATIVE ${SOURCE_DIR}/src ${SOURCE_DIR}/src/*.cc ${SOURCE_DIR}/src/*.h)
foreach(rel ${files})
  get_filename_component(folder ${rel} DIRECTORY)
  if(NOT folder IN_LIST known)
    if(NOT rel MATCHES "/testdata/")
      list(APPEND violations "src/${rel}: folder src/${folder} is not a declared layer (add a CMakeLists.txt calling cinelake_layer)")
    endif()
    continue()
  endif()
  set(allowed ${ALLOWED_${folder}})
  string(REPLACE ";" ", " allowed_text "${allowed}")
  set(is_test FALSE)
  if(rel MATCHES "_test\\.cc$")
    set(is_test TRUE)
  endif()
  file(STRINGS ${SOURCE_DIR}/src/${rel} includes REGEX "^[ \t]*#[ \t]*include[ \t]+\"")
  foreach(inc ${includes})
    string(REGEX MATCH "\"([^\"]+)\"" _ "${inc}")
    set(header ${CMAKE_MATCH_1})
    get_filename_component(header_folder ${header} DIRECTORY)
    if(header_folder STREQUAL "")
      continue()  # a generated or same-folder header
    endif()
    if(header_folder IN_LIST allowed)
      continue()
    endif()
    if(is_test AND header_folder MATCHES "(^|/)testing$")
      continue()
    endif()
    if(NOT header_folder IN_LIST known)
      continue()  # not one of ours (e.g. CLI/CLI.hpp written with quotes)
    endif()
    list(APPEND violations "src/${rel}: includes \"${header}\", but src/${folder} may only include from: ${allowed_text}")
  endforeach()
endforeach()

if(violations)
  list(LENGTH violations count)
  string(REPLACE ";" "\n  " text "${violations}")
  message(FATAL_ERROR "layer check: ${count} include(s) run against the layering:\n  ${text}")
endif()
if(STAMP)
  file(TOUCH ${STAMP})
endif()
