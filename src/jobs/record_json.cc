#include "jobs/record_json.h"

namespace cinelake {

void DetailScalarsToJson(const DetailScalars& d, bool tv, nlohmann::json* j) {
  for (const TmdbDetailField& f : TmdbDetailFields()) {
    if (!(tv ? f.on_tv : f.on_movie)) continue;
    const DetailValue* v = d.Find(f.key);
    nlohmann::json& out = (*j)[f.key];
    if (v == nullptr) {
      out = nullptr;
    } else {
      std::visit([&](const auto& x) { out = x; }, *v);
    }
  }
}

void DetailScalarsFromJson(const nlohmann::json& j, bool tv, DetailScalars* d) {
  d->values.clear();
  for (const TmdbDetailField& f : TmdbDetailFields()) {
    if (!(tv ? f.on_tv : f.on_movie)) continue;
    auto it = j.find(f.key);
    if (it == j.end() || it->is_null()) continue;
    switch (f.kind) {
      case DetailKind::kText: d->values.emplace(f.key, it->get<std::string>()); break;
      case DetailKind::kInt64: d->values.emplace(f.key, it->get<int64_t>()); break;
      case DetailKind::kDouble: d->values.emplace(f.key, it->get<double>()); break;
      case DetailKind::kBool: d->values.emplace(f.key, it->get<bool>()); break;
    }
  }
}

}  // namespace cinelake
