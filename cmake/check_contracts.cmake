cmake_minimum_required(VERSION 3.25)
# Fails when a public header under src/ does not state its contract: the
# comment before `#pragma once` must exist and say how the code behaves
# across threads (the words "thread" or "synchronised"), as LevelDB's
# headers do. Test-only folders (*/testing) and test data are exempt.
#
#   cmake -DSOURCE_DIR=<repo> -P check_contracts.cmake

file(GLOB_RECURSE headers RELATIVE ${SOURCE_DIR}/src ${SOURCE_DIR}/src/*.h)
set(missing "")
foreach(rel ${headers})
  if(rel MATCHES "(^|/)(testing|testdata)/")
    continue()
  endif()
  file(READ ${SOURCE_DIR}/src/${rel} text)
  string(FIND "${text}" "#pragma once" pragma_at)
  if(pragma_at LESS 0)
    list(APPEND missing "src/${rel}: no #pragma once")
    continue()
  endif()
  string(SUBSTRING "${text}" 0 ${pragma_at} head)
  string(TOLOWER "${head}" head)
  if(NOT head MATCHES "^//")
    list(APPEND missing "src/${rel}: no header comment before #pragma once")
  elseif(NOT head MATCHES "thread|synchroni[sz]")
    list(APPEND missing "src/${rel}: the header comment does not say its thread-safety")
  endif()
endforeach()

if(missing)
  list(LENGTH missing count)
  string(REPLACE ";" "\n  " text "${missing}")
  message(FATAL_ERROR "${count} header(s) without a stated contract:\n  ${text}")
endif()
list(LENGTH headers total)
message(STATUS "contract-check: ${total} headers state their contract")
