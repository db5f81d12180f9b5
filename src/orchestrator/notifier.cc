#include "orchestrator/notifier.h"

#include <curl/curl.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <thread>
#include <vector>

#include "common/log.h"

extern char** environ;

namespace cinelake {

namespace {

// Environment variables a notification command must not inherit.
constexpr const char* kSecretEnv[] = {"CINELAKE_IMDB_API_KEY", "CINELAKE_TMDB_TOKEN",
                                      "CINELAKE_SANDBOX_IMDB_KEY", "CINELAKE_SANDBOX_TMDB_TOKEN"};

size_t DiscardBody(char*, size_t size, size_t n, void*) {
  return size * n;
}

}  // namespace

Notifier::Notifier(NotifyConfig config) : config_(std::move(config)) {
  if (!config_.webhook_url.empty()) RegisterSecret(config_.webhook_url);
}

int Notifier::Send(const std::string& json) const {
  int delivered = 0;
  if (!config_.command.empty() && RunCommand(json)) ++delivered;
  if (!config_.webhook_url.empty() && PostWebhook(json)) ++delivered;
  return delivered;
}

bool Notifier::RunCommand(const std::string& json) const {
  int in[2];
  if (::pipe2(in, O_CLOEXEC) != 0) {
    spdlog::warn("notify command: cannot create a pipe: {}", std::strerror(errno));
    return false;
  }
  // The child's environment is built before fork: between fork and exec of
  // a threaded process only async-signal-safe calls are allowed.
  std::vector<std::string> env_text;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string_view entry(*e);
    bool secret = false;
    for (const char* name : kSecretEnv) {
      secret = secret || (entry.substr(0, entry.find('=')) == name);
    }
    if (!secret) env_text.emplace_back(entry);
  }
  std::vector<char*> envp;
  for (auto& e : env_text) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid < 0) {
    spdlog::warn("notify command: cannot fork: {}", std::strerror(errno));
    ::close(in[0]);
    ::close(in[1]);
    return false;
  }
  if (pid == 0) {
    ::dup2(in[0], STDIN_FILENO);
    ::execle("/bin/sh", "sh", "-c", config_.command.c_str(), static_cast<char*>(nullptr), envp.data());
    ::_exit(127);
  }
  ::close(in[0]);
  // A command that stops reading must not stall the run: the write end is
  // non-blocking and bounded by the same deadline as the wait.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(config_.timeout_ms);
  ::fcntl(in[1], F_SETFL, O_NONBLOCK);
  // A command that exits without reading would otherwise kill us with SIGPIPE.
  ::signal(SIGPIPE, SIG_IGN);
  size_t off = 0;
  while (off < json.size() && std::chrono::steady_clock::now() < deadline) {
    ssize_t n = ::write(in[1], json.data() + off, json.size() - off);
    if (n > 0) {
      off += static_cast<size_t>(n);
    } else if (n < 0 && errno == EAGAIN) {
      pollfd p{in[1], POLLOUT, 0};
      ::poll(&p, 1, 50);
    } else if (n < 0 && errno != EINTR) {
      break;  // the command closed its stdin; its exit status decides
    }
  }
  ::close(in[1]);
  int status = 0;
  while (true) {
    pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) break;
    if (r < 0 && errno != EINTR) {
      spdlog::warn("notify command: waitpid: {}", std::strerror(errno));
      return false;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      spdlog::warn("notify command did not finish within {} ms; killed", config_.timeout_ms);
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return true;
  if (WIFEXITED(status)) {
    spdlog::warn("notify command exited {}", WEXITSTATUS(status));
  } else {
    spdlog::warn("notify command ended by signal {}", WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  }
  return false;
}

bool Notifier::PostWebhook(const std::string& json) const {
  CURL* curl = curl_easy_init();
  if (curl == nullptr) {
    spdlog::warn("notify webhook: cannot start libcurl");
    return false;
  }
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  curl_easy_setopt(curl, CURLOPT_URL, config_.webhook_url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, json.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(json.size()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(config_.timeout_ms));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, DiscardBody);
  CURLcode rc = curl_easy_perform(curl);
  long http_status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &http_status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) {
    spdlog::warn("notify webhook: {}", Redact(curl_easy_strerror(rc)));
    return false;
  }
  if (http_status < 200 || http_status >= 300) {
    spdlog::warn("notify webhook answered HTTP {}", http_status);
    return false;
  }
  return true;
}

}  // namespace cinelake
