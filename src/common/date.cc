#include "common/date.h"

#include <chrono>
#include <cstdio>

namespace cinelake {

namespace {
using std::chrono::sys_days;
using std::chrono::year_month_day;
namespace chr = std::chrono;

}  // namespace

Date Date::FromYmd(int y, unsigned m, unsigned d) {
  sys_days sd{year_month_day{chr::year{y}, chr::month{m}, chr::day{d}}};
  return Date{static_cast<int32_t>(sd.time_since_epoch().count())};
}

Result<Date> Date::Parse(std::string_view text) {
  auto bad = [&] {
    return Status::InvalidArgument("invalid date '" + std::string(text) + "': expected YYYY-MM-DD");
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  int parts[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8};
  const int lens[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (int i = 0; i < lens[p]; ++i) {
      char c = text[starts[p] + i];
      if (c < '0' || c > '9') return bad();
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  year_month_day ymd{chr::year{parts[0]}, chr::month{static_cast<unsigned>(parts[1])},
                     chr::day{static_cast<unsigned>(parts[2])}};
  if (!ymd.ok() || parts[0] < 1900) return bad();
  return FromYmd(parts[0], parts[1], parts[2]);
}

Date Date::Today() {
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date{static_cast<int32_t>(now.time_since_epoch().count())};
}

namespace {
// Days since 1970-01-01 -> proleptic Gregorian (year, month, day), exact for
// every int32 day count (std::chrono's year type stops at +-32767). Works in
// 400-year eras of 146097 days, with years starting on March 1 so the leap
// day falls at the end.
void CivilFromDays(int64_t z, int64_t* y, unsigned* m, unsigned* d) {
  z += 719468;  // shift the epoch to 0000-03-01
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);                // [0, 146096]
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const unsigned mp = (5 * doy + 2) / 153;                                     // [0, 11], March = 0
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int64_t>(yoe) + era * 400 + (*m <= 2 ? 1 : 0);
}
}  // namespace

std::string Date::ToString() const {
  int64_t y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  char buf[32];
  if (y >= 0 && y <= 9999) {
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  } else {  // ISO 8601 expanded years: "+10000-01-01", "-0001-12-31"
    std::snprintf(buf, sizeof buf, "%+05lld-%02u-%02u", static_cast<long long>(y), m, d);
  }
  return buf;
}

int Date::year() const {
  int64_t y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  return static_cast<int>(y);
}
unsigned Date::month() const {
  int64_t y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  return m;
}
unsigned Date::day() const {
  int64_t y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  return d;
}

int64_t NowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string FormatTimestampMicros(int64_t micros) {
  int64_t secs = micros >= 0 ? micros / 1000000 : (micros - 999999) / 1000000;
  int64_t days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
  int64_t rem = secs - days * 86400;
  std::string d = Date{static_cast<int32_t>(days)}.ToString();
  char buf[48];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", d.c_str(), static_cast<int>(rem / 3600),
                static_cast<int>(rem / 60 % 60), static_cast<int>(rem % 60));
  return buf;
}

}  // namespace cinelake
