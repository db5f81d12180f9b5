#include "common/date.h"

#include <chrono>
#include <cstdio>

namespace cinelake {

namespace {
using std::chrono::sys_days;
using std::chrono::year_month_day;
namespace chr = std::chrono;

year_month_day ToYmd(Date d) { return year_month_day{sys_days{std::chrono::days{d.days}}}; }
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

std::string Date::ToString() const {
  auto ymd = ToYmd(*this);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

int Date::year() const { return static_cast<int>(ToYmd(*this).year()); }
unsigned Date::month() const { return static_cast<unsigned>(ToYmd(*this).month()); }
unsigned Date::day() const { return static_cast<unsigned>(ToYmd(*this).day()); }

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
