#include "serve/prometheus_text.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace cinelake::serve {

namespace {

void AppendEscaped(std::string_view value, bool label, std::string* out) {
  for (char c : value) {
    if (c == '\\') {
      *out += "\\\\";
    } else if (c == '\n') {
      *out += "\\n";
    } else if (c == '"' && label) {
      *out += "\\\"";
    } else {
      *out += c;
    }
  }
}

}  // namespace

std::string FormatPrometheusNumber(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  char buf[40];
  if (value == std::trunc(value) && std::fabs(value) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", value);
    return buf;
  }
  // The fewest digits that read back as the same double: "0.0005", not
  // "0.00050000000000000001", and a timestamp keeps its microseconds.
  for (int digits = 15; digits <= 17; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, value);
    if (std::strtod(buf, nullptr) == value) break;
  }
  return buf;
}

void PrometheusText::Family(std::string_view name, std::string_view type, std::string_view help) {
  text_ += "# HELP ";
  text_ += name;
  text_ += ' ';
  AppendEscaped(help, false, &text_);
  text_ += "\n# TYPE ";
  text_ += name;
  text_ += ' ';
  text_ += type;
  text_ += '\n';
}

void PrometheusText::Sample(std::string_view name, const Labels& labels, double value) {
  text_ += name;
  if (!labels.empty()) {
    text_ += '{';
    for (size_t i = 0; i < labels.size(); ++i) {
      if (i > 0) text_ += ',';
      text_ += labels[i].first;
      text_ += "=\"";
      AppendEscaped(labels[i].second, true, &text_);
      text_ += '"';
    }
    text_ += '}';
  }
  text_ += ' ';
  text_ += FormatPrometheusNumber(value);
  text_ += '\n';
}

}  // namespace cinelake::serve
