#include "serve/prometheus_text.h"

#include <gtest/gtest.h>

#include <limits>

#include "serve/http_metrics.h"

namespace cinelake::serve {
namespace {

TEST(PrometheusTextTest, EscapesLabelValuesAndSpellsSpecialNumbers) {
  PrometheusText out;
  out.Family("x_total", "counter", "Help with a \\ and a\nnewline.");
  out.Sample("x_total", {{"path", "C:\\a \"b\"\nc"}}, 3);
  out.Sample("x_total", {}, 0.25);
  EXPECT_EQ(out.text(),
            "# HELP x_total Help with a \\\\ and a\\nnewline.\n"
            "# TYPE x_total counter\n"
            "x_total{path=\"C:\\\\a \\\"b\\\"\\nc\"} 3\n"
            "x_total 0.25\n");
  EXPECT_EQ(FormatPrometheusNumber(std::numeric_limits<double>::infinity()), "+Inf");
  EXPECT_EQ(FormatPrometheusNumber(-std::numeric_limits<double>::infinity()), "-Inf");
  EXPECT_EQ(FormatPrometheusNumber(std::numeric_limits<double>::quiet_NaN()), "NaN");
  EXPECT_EQ(FormatPrometheusNumber(1764633600), "1764633600");
  EXPECT_EQ(FormatPrometheusNumber(0.0005), "0.0005");
  EXPECT_EQ(FormatPrometheusNumber(1796176218.779141), "1796176218.779141");
}

TEST(HttpMetricsTest, CountsByRouteAndCodeAndTimesEveryRequest) {
  HttpMetrics m({"/api/landing", "static"});
  m.Record(m.RouteIndex("/api/landing"), 200, 300);        // 0.3 ms
  m.Record(m.RouteIndex("/api/landing"), 200, 40'000);     // 40 ms
  m.Record(m.RouteIndex("/api/landing"), 404, 9'000'000);  // past the last bucket
  m.Record(m.RouteIndex("/made/up/path"), 418, 10);
  PrometheusText out;
  m.Render(out);
  const std::string& t = out.text();
  EXPECT_NE(t.find("cinelake_http_requests_total{route=\"/api/landing\",code=\"200\"} 2\n"),
            std::string::npos)
      << t;
  EXPECT_NE(t.find("cinelake_http_requests_total{route=\"/api/landing\",code=\"404\"} 1\n"),
            std::string::npos)
      << t;
  EXPECT_NE(t.find("cinelake_http_requests_total{route=\"other\",code=\"other\"} 1\n"), std::string::npos)
      << t;
  EXPECT_EQ(t.find("/made/up/path"), std::string::npos) << "paths never become labels";
  EXPECT_NE(t.find("cinelake_http_request_duration_seconds_bucket{le=\"0.0005\"} 2\n"), std::string::npos)
      << t;
  EXPECT_NE(t.find("cinelake_http_request_duration_seconds_bucket{le=\"0.05\"} 3\n"), std::string::npos) << t;
  EXPECT_NE(t.find("cinelake_http_request_duration_seconds_bucket{le=\"+Inf\"} 4\n"), std::string::npos) << t;
  EXPECT_NE(t.find("cinelake_http_request_duration_seconds_sum 9.04031\n"), std::string::npos) << t;
  EXPECT_NE(t.find("cinelake_http_request_duration_seconds_count 4\n"), std::string::npos) << t;
}

}  // namespace
}  // namespace cinelake::serve
