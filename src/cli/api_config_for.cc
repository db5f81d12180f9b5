#include "cli/api_config_for.h"

#include <cstdlib>
#include <optional>

namespace cinelake {

Result<ApiConfig> ApiConfigFor(const LakeOptions& lake, Date date, const std::string& record_dir,
                               const std::string& replay_dir) {
  std::optional<std::string> path;
  if (!lake.config.empty()) path = lake.config;
  ASSIGN_OR_RETURN(ApiConfig config, LoadApiConfig(path));
  if (!record_dir.empty()) config.record_dir = record_dir;
  if (!replay_dir.empty()) config.replay_dir = replay_dir;
  config.ExpandDate(date.ToString());
  if (!lake.sandbox.empty()) {
    // The sandbox's own keys (as `cinelake sandbox` reads them), never the real ones.
    const char* imdb_key = std::getenv("CINELAKE_SANDBOX_IMDB_KEY");
    const char* tmdb_token = std::getenv("CINELAKE_SANDBOX_TMDB_TOKEN");
    config.UseSandbox(lake.sandbox, date.ToString(), imdb_key != nullptr ? imdb_key : "",
                      tmdb_token != nullptr ? tmdb_token : "");
  } else if (config.replay_dir.empty() && (config.imdb_key.empty() || config.tmdb_token.empty())) {
    return Status::InvalidArgument(
        "no API keys: set CINELAKE_IMDB_API_KEY and CINELAKE_TMDB_TOKEN (or [imdb] key / [tmdb] token in "
        "--config), or point at a sandbox with --sandbox URL");
  }
  RETURN_IF_ERROR(config.Validate());
  return config;
}

}  // namespace cinelake
