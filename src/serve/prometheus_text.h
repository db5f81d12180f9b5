// PrometheusText: writes the Prometheus text exposition format (version
// 0.0.4): "# HELP" and "# TYPE" once per family, then its samples.
//
// Label values are escaped (backslash, double quote, newline); numbers are
// written so that integers stay integers and NaN/±Inf use the format's
// spellings. A family must be declared (Family) before its samples. Plain
// value; not thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cinelake::serve {

inline constexpr const char* kPrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";

using Labels = std::vector<std::pair<std::string_view, std::string>>;

class PrometheusText {
 public:
  // type: "gauge", "counter" or "histogram".
  void Family(std::string_view name, std::string_view type, std::string_view help);
  void Sample(std::string_view name, const Labels& labels, double value);

  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

std::string FormatPrometheusNumber(double value);

}  // namespace cinelake::serve
