#include "sandbox/faults.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace cinelake::sandbox {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kKindNames[kEndpointKinds] = {
    "imdb_list", "imdb_title", "imdb_tmdb_id", "tmdb_movie", "tmdb_tv", "tmdb_season", "tmdb_find", "export"};

Status Bad(const std::string& where, const std::string& what) {
  return Status::InvalidArgument("fault config: " + where + ": " + what);
}

Status ReadNumber(const Json& j, const std::string& where, double lo, double hi, double* out) {
  if (!j.is_number()) return Bad(where, "expected a number");
  double v = j.get<double>();
  if (!(v >= lo && v <= hi)) {
    return Bad(where, "must be between " + Json(lo).dump() + " and " + Json(hi).dump());
  }
  *out = v;
  return Status::OK();
}

Status ParseLatency(const Json& j, const std::string& where, Latency* out) {
  if (!j.is_object()) return Bad(where, "expected an object");
  Latency l;
  auto has = [&](const char* k) { return j.contains(k); };
  for (const auto& [k, v] : j.items()) {
    if (k != "fixed_ms" && k != "min_ms" && k != "max_ms" && k != "median_ms" && k != "p99_ms") {
      return Bad(where + "." + k, "unknown key");
    }
  }
  constexpr double kMax = 600000;
  if (j.empty()) {
    l.shape = Latency::Shape::kNone;
  } else if (has("fixed_ms") && j.size() == 1) {
    l.shape = Latency::Shape::kFixed;
    RETURN_IF_ERROR(ReadNumber(j["fixed_ms"], where + ".fixed_ms", 0, kMax, &l.a));
  } else if (has("min_ms") && has("max_ms") && j.size() == 2) {
    l.shape = Latency::Shape::kUniform;
    RETURN_IF_ERROR(ReadNumber(j["min_ms"], where + ".min_ms", 0, kMax, &l.a));
    RETURN_IF_ERROR(ReadNumber(j["max_ms"], where + ".max_ms", l.a, kMax, &l.b));
  } else if (has("median_ms") && has("p99_ms") && j.size() == 2) {
    l.shape = Latency::Shape::kLogNormal;
    RETURN_IF_ERROR(ReadNumber(j["median_ms"], where + ".median_ms", 0.001, kMax, &l.a));
    RETURN_IF_ERROR(ReadNumber(j["p99_ms"], where + ".p99_ms", l.a, kMax, &l.b));
  } else {
    return Bad(where, "use {fixed_ms}, {min_ms, max_ms} or {median_ms, p99_ms}");
  }
  *out = l;
  return Status::OK();
}

Status ApplyEndpoint(const Json& j, const std::string& where, EndpointFaults* f) {
  if (!j.is_object()) return Bad(where, "expected an object");
  for (const auto& [k, v] : j.items()) {
    std::string at = where + "." + k;
    if (k == "latency") {
      RETURN_IF_ERROR(ParseLatency(v, at, &f->latency));
    } else if (k == "p_429") {
      RETURN_IF_ERROR(ReadNumber(v, at, 0, 1, &f->p_429));
    } else if (k == "retry_after_s") {
      double d = 0;
      RETURN_IF_ERROR(ReadNumber(v, at, 0, 3600, &d));
      f->retry_after_s = static_cast<int>(std::ceil(d));
    } else if (k == "p_500") {
      RETURN_IF_ERROR(ReadNumber(v, at, 0, 1, &f->p_500));
    } else if (k == "p_503") {
      RETURN_IF_ERROR(ReadNumber(v, at, 0, 1, &f->p_503));
    } else if (k == "p_reset") {
      RETURN_IF_ERROR(ReadNumber(v, at, 0, 1, &f->p_reset));
    } else if (k == "p_stall") {
      RETURN_IF_ERROR(ReadNumber(v, at, 0, 1, &f->p_stall));
    } else if (k == "stall_s") {
      RETURN_IF_ERROR(ReadNumber(v, at, 0, kMaxStallSeconds, &f->stall_s));
    } else if (k == "p_truncate") {
      RETURN_IF_ERROR(ReadNumber(v, at, 0, 1, &f->p_truncate));
    } else if (k == "p_malformed") {
      RETURN_IF_ERROR(ReadNumber(v, at, 0, 1, &f->p_malformed));
    } else {
      return Bad(at, "unknown key");
    }
  }
  double total = f->p_429 + f->p_500 + f->p_503 + f->p_reset + f->p_stall + f->p_truncate + f->p_malformed;
  if (total > 1.0 + 1e-9) return Bad(where, "fault probabilities add up to more than 1");
  return Status::OK();
}

Json LatencyJson(const Latency& l) {
  switch (l.shape) {
    case Latency::Shape::kFixed: return Json{{"fixed_ms", l.a}};
    case Latency::Shape::kUniform: return Json{{"min_ms", l.a}, {"max_ms", l.b}};
    case Latency::Shape::kLogNormal: return Json{{"median_ms", l.a}, {"p99_ms", l.b}};
    case Latency::Shape::kNone: break;
  }
  return Json::object();
}

Json EndpointJson(const EndpointFaults& f) {
  return Json{{"latency", LatencyJson(f.latency)},
              {"p_429", f.p_429},
              {"retry_after_s", f.retry_after_s},
              {"p_500", f.p_500},
              {"p_503", f.p_503},
              {"p_reset", f.p_reset},
              {"p_stall", f.p_stall},
              {"stall_s", f.stall_s},
              {"p_truncate", f.p_truncate},
              {"p_malformed", f.p_malformed}};
}

}  // namespace

std::string_view EndpointKindName(EndpointKind kind) {
  return kKindNames[static_cast<int>(kind)];
}

std::string_view ApiName(Api api) {
  switch (api) {
    case Api::kImdb: return "imdb";
    case Api::kTmdb: return "tmdb";
    case Api::kExport: return "export";
  }
  return "?";
}

Api ApiOf(EndpointKind kind) {
  switch (kind) {
    case EndpointKind::kImdbList:
    case EndpointKind::kImdbTitle:
    case EndpointKind::kImdbTmdbId: return Api::kImdb;
    case EndpointKind::kExport: return Api::kExport;
    default: return Api::kTmdb;
  }
}

double Latency::Sample(double u, double z) const {
  switch (shape) {
    case Shape::kNone: return 0;
    case Shape::kFixed: return a;
    case Shape::kUniform: return a + (b - a) * u;
    case Shape::kLogNormal: {
      double sigma = b > a ? std::log(b / a) / 2.3263478740408408 : 0.0;
      return std::min(600000.0, a * std::exp(sigma * z));
    }
  }
  return 0;
}

std::string_view FaultActionName(FaultAction action) {
  switch (action) {
    case FaultAction::kNone: return "none";
    case FaultAction::k429: return "429";
    case FaultAction::k500: return "500";
    case FaultAction::k503: return "503";
    case FaultAction::kReset: return "reset";
    case FaultAction::kStall: return "stall";
    case FaultAction::kTruncate: return "truncate";
    case FaultAction::kMalformed: return "malformed";
  }
  return "?";
}

FaultAction DrawAction(const EndpointFaults& f, double u) {
  const std::pair<double, FaultAction> stack[] = {{f.p_429, FaultAction::k429},
                                                  {f.p_500, FaultAction::k500},
                                                  {f.p_503, FaultAction::k503},
                                                  {f.p_reset, FaultAction::kReset},
                                                  {f.p_stall, FaultAction::kStall},
                                                  {f.p_truncate, FaultAction::kTruncate},
                                                  {f.p_malformed, FaultAction::kMalformed}};
  double acc = 0;
  for (const auto& [p, action] : stack) {
    acc += p;
    if (u < acc) return action;
  }
  return FaultAction::kNone;
}

Result<FaultConfig> FaultConfig::Parse(std::string_view json_text) {
  Json j = Json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Bad("body", "not valid JSON");
  if (!j.is_object()) return Bad("body", "expected a JSON object");
  FaultConfig c;
  const Json* endpoints = nullptr;
  for (const auto& [k, v] : j.items()) {
    if (k == "rate_limits") {
      if (!v.is_object()) return Bad(k, "expected an object");
      for (const auto& [api, lim] : v.items()) {
        int which = api == "imdb" ? 0 : api == "tmdb" ? 1 : -1;
        if (which < 0) return Bad("rate_limits." + api, "unknown API (imdb or tmdb)");
        if (!lim.is_object()) return Bad("rate_limits." + api, "expected an object");
        for (const auto& [f, num] : lim.items()) {
          std::string at = "rate_limits." + api + "." + f;
          if (f == "rate")
            RETURN_IF_ERROR(ReadNumber(num, at, -1, 1e6, &c.rate_limits[which].rate));
          else if (f == "burst")
            RETURN_IF_ERROR(ReadNumber(num, at, 0, 1e6, &c.rate_limits[which].burst));
          else
            return Bad(at, "unknown key");
        }
        if (c.rate_limits[which].rate > 0 && c.rate_limits[which].burst < 1) {
          return Bad("rate_limits." + api + ".burst", "must be at least 1 when rate > 0");
        }
      }
    } else if (k == "tmdb_not_found_fraction") {
      RETURN_IF_ERROR(ReadNumber(v, k, 0, 1, &c.tmdb_not_found_fraction));
    } else if (k == "imdb_monthly_quota") {
      double quota = 0;
      RETURN_IF_ERROR(ReadNumber(v, k, 0, 1e12, &quota));
      c.imdb_monthly_quota = static_cast<int64_t>(quota);
    } else if (k == "exports") {
      if (!v.is_object()) return Bad(k, "expected an object");
      for (const auto& [f, day] : v.items()) {
        std::string at = "exports." + f;
        if (f != "published_through" && f != "kept_from") return Bad(at, "unknown key");
        if (day.is_null()) continue;
        if (!day.is_string()) return Bad(at, "expected a YYYY-MM-DD string");
        Result<Date> d = Date::Parse(day.get<std::string>());
        if (!d.ok()) return Bad(at, "expected a YYYY-MM-DD string");
        (f == "published_through" ? c.exports_published_through : c.exports_kept_from) = *d;
      }
    } else if (k == "endpoints") {
      if (!v.is_object()) return Bad(k, "expected an object");
      endpoints = &v;
    } else {
      return Bad(k, "unknown key");
    }
  }
  if (endpoints != nullptr) {
    if (endpoints->contains("*")) {
      RETURN_IF_ERROR(ApplyEndpoint((*endpoints)["*"], "endpoints.*", &c.defaults));
    }
    for (const auto& [k, v] : endpoints->items()) {
      if (k == "*") continue;
      auto it = std::find(std::begin(kKindNames), std::end(kKindNames), k);
      if (it == std::end(kKindNames)) return Bad("endpoints." + k, "unknown endpoint kind");
      c.overridden[it - std::begin(kKindNames)] = true;
    }
  }
  for (int i = 0; i < kEndpointKinds; ++i) {
    c.kinds[i] = c.defaults;
    if (c.overridden[i]) {
      RETURN_IF_ERROR(ApplyEndpoint((*endpoints)[std::string(kKindNames[i])],
                                    "endpoints." + std::string(kKindNames[i]), &c.kinds[i]));
    }
  }
  return c;
}

std::string FaultConfig::ToJson() const {
  Json j;
  j["rate_limits"] = Json{{"imdb", Json{{"rate", rate_limits[0].rate}, {"burst", rate_limits[0].burst}}},
                          {"tmdb", Json{{"rate", rate_limits[1].rate}, {"burst", rate_limits[1].burst}}}};
  j["tmdb_not_found_fraction"] = tmdb_not_found_fraction;
  j["imdb_monthly_quota"] = imdb_monthly_quota;
  if (exports_published_through || exports_kept_from) {
    Json e = Json::object();
    if (exports_published_through) e["published_through"] = exports_published_through->ToString();
    if (exports_kept_from) e["kept_from"] = exports_kept_from->ToString();
    j["exports"] = e;
  }
  Json endpoints;
  endpoints["*"] = EndpointJson(defaults);
  for (int i = 0; i < kEndpointKinds; ++i) {
    if (overridden[i]) endpoints[std::string(kKindNames[i])] = EndpointJson(kinds[i]);
  }
  j["endpoints"] = endpoints;
  return j.dump(2);
}

}  // namespace cinelake::sandbox
