// Date: a calendar day as days since 1970-01-01, the Parquet DATE encoding.
//
// Every "loadDate" in cinelake is a Date: the run's logical day, never the
// wall clock of the machine that ran it.
//
// A value type; parsing returns InvalidArgument naming the text. Thread-safe.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace cinelake {

struct Date {
  int32_t days = 0;  // days since the Unix epoch

  static Date FromYmd(int year, unsigned month, unsigned day);
  // Strict "YYYY-MM-DD"; anything else (including 2026-02-30) is an error.
  static Result<Date> Parse(std::string_view text);
  static Date Today();  // UTC

  std::string ToString() const;  // "YYYY-MM-DD"
  int year() const;
  unsigned month() const;
  unsigned day() const;

  Date operator+(int n) const { return Date{days + n}; }
  Date operator-(int n) const { return Date{days - n}; }
  int operator-(Date other) const { return days - other.days; }
  auto operator<=>(const Date&) const = default;
};

// Microseconds since the epoch, UTC: the Parquet TIMESTAMP(MICROS) encoding.
int64_t NowMicros();
std::string FormatTimestampMicros(int64_t micros);  // "2026-11-23T10:00:00Z"

}  // namespace cinelake
