#include "jobs/raw_imdb_title.h"

#include "jobs/record_json.h"

namespace cinelake {

std::string EncodeRawImdbTitle(const ImdbTitle& title) {
  return nlohmann::json(title).dump();
}

Result<ImdbTitle> DecodeRawImdbTitle(std::string_view text, const std::string& where) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::Corruption(where + ": title_json is not a JSON object");
  }
  try {
    return j.get<ImdbTitle>();
  } catch (const nlohmann::json::exception& e) {
    return Status::Corruption(where + ": title_json: " + e.what());
  }
}

}  // namespace cinelake
