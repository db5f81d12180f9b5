#include "sources/testing/fake_api_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include "common/http_listen.h"

namespace cinelake::testing {
namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kImdbPrefix = "/imdb236/api/imdb";
constexpr const char* kTmdbPrefix = "/tmdb/3";

bool StartsWith(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}

}  // namespace

FakeApiServer::FakeApiServer(FakeServerOptions options)
    : options_(std::move(options)), latency_ms_(options_.latency_ms) {
  imdb_bucket_.rate = options_.imdb_rate_per_sec;
  imdb_bucket_.burst = options_.imdb_burst;
  tmdb_bucket_.rate = options_.tmdb_rate_per_sec;
  tmdb_bucket_.burst = options_.tmdb_burst;
}

FakeApiServer::~FakeApiServer() {
  Stop();
}

std::string FakeApiServer::base_url() const {
  return "http://127.0.0.1:" + std::to_string(port_);
}

void FakeApiServer::SetJson(const std::string& path, std::string body, int status) {
  std::lock_guard<std::mutex> lock(mu_);
  bodies_[path] = {status, std::move(body)};
}

void FakeApiServer::AddFault(const std::string& path, FaultSpec spec) {
  std::lock_guard<std::mutex> lock(mu_);
  faults_[path].push_back(std::move(spec));
}

int64_t FakeApiServer::requests_for(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = arrivals_.find(path);
  return it == arrivals_.end() ? 0 : static_cast<int64_t>(it->second.size());
}

std::vector<Clock::time_point> FakeApiServer::arrivals_for(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = arrivals_.find(path);
  return it == arrivals_.end() ? std::vector<Clock::time_point>{} : it->second;
}

std::vector<std::string> FakeApiServer::targets() const {
  std::lock_guard<std::mutex> lock(mu_);
  return targets_;
}

// GCRA on arrival times: an arrival earlier than tat - (burst-1)/rate (less
// the slack) is one the configured bucket would have refused.
void FakeApiServer::CheckRate(Bucket* b, Clock::time_point now) {
  if (b->rate <= 0) return;
  auto interval = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / b->rate));
  auto tolerance =
      std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>((b->burst - 1.0) / b->rate));
  if (now + std::chrono::milliseconds(options_.slack_ms) < b->tat - tolerance) {
    violations_.fetch_add(1);
    return;
  }
  b->tat = std::max(b->tat, now) + interval;
}

Status FakeApiServer::Start() {
  server_ = std::make_unique<httplib::Server>();
  int threads = options_.threads;
  server_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server_->set_keep_alive_max_count(1000);
  server_->set_keep_alive_timeout(1);  // bounds Stop() when a client keeps a connection open
  auto handler = [this](const httplib::Request& req, httplib::Response& res) {
    Clock::time_point now = Clock::now();
    int active = in_flight_.fetch_add(1) + 1;
    int seen = max_concurrency_.load();
    while (active > seen && !max_concurrency_.compare_exchange_weak(seen, active)) {
    }
    total_.fetch_add(1);
    const std::string& path = req.path;
    bool imdb = StartsWith(path, kImdbPrefix);
    bool tmdb = StartsWith(path, kTmdbPrefix);

    FaultSpec fault;
    std::pair<int, std::string> canned{
        404, R"({"status_message":"The resource you requested could not be found."})"};
    {
      std::lock_guard<std::mutex> lock(mu_);
      targets_.push_back(req.target);
      arrivals_[path].push_back(now);
      if (imdb) CheckRate(&imdb_bucket_, now);
      if (tmdb) CheckRate(&tmdb_bucket_, now);
      auto f = faults_.find(path);
      if (f != faults_.end() && !f->second.empty()) {
        FaultSpec& front = f->second.front();
        fault = front;
        if (front.times > 0 && --front.times == 0) f->second.erase(f->second.begin());
      }
      auto b = bodies_.find(path);
      if (b != bodies_.end()) canned = b->second;
    }
    auto leave = [this] { in_flight_.fetch_sub(1); };

    int latency = latency_ms_.load();
    if (latency > 0) std::this_thread::sleep_for(std::chrono::milliseconds(latency));

    // Authentication, as the real APIs do it.
    bool authorized = false;
    if (imdb) {
      authorized = req.get_header_value("X-RapidAPI-Key") == options_.imdb_key &&
                   !req.get_header_value("X-RapidAPI-Host").empty();
    } else if (tmdb) {
      authorized = req.get_header_value("Authorization") == "Bearer " + options_.tmdb_token ||
                   req.get_param_value("api_key") == options_.tmdb_token;
    }
    if (!authorized) {
      res.status = 401;
      res.set_content(R"({"status_message":"Invalid API key"})", "application/json");
      leave();
      return;
    }

    switch (fault.fault) {
      case Fault::kNone: break;
      case Fault::kStatus:
        res.status = fault.status;
        if (!fault.retry_after.empty()) res.set_header("Retry-After", fault.retry_after);
        res.set_content(R"({"message":"injected"})", "application/json");
        leave();
        return;
      case Fault::kReset: {
        // Promise the whole body, send a few bytes, then fail the write:
        // httplib drops the connection and the client sees a short transfer.
        std::string body = canned.second;
        res.status = 200;
        res.set_content_provider(body.size() + 100, "application/json",
                                 [body](size_t offset, size_t, httplib::DataSink& sink) {
                                   if (offset == 0) {
                                     sink.write(body.data(), std::min<size_t>(body.size(), 5));
                                     return true;
                                   }
                                   return false;
                                 });
        leave();
        return;
      }
      case Fault::kStall: std::this_thread::sleep_for(std::chrono::milliseconds(fault.stall_ms)); break;
      case Fault::kTruncated:
        res.status = 200;
        res.set_content(canned.second.substr(0, canned.second.size() / 2), "application/json");
        leave();
        return;
      case Fault::kMalformed:
        res.status = 200;
        res.set_content("{\"id\": \"tt1\", \"primaryTitle\": <html>oops", "application/json");
        leave();
        return;
      case Fault::kOversize:
        res.status = 200;
        res.set_content("[" + std::string(static_cast<size_t>(fault.oversize_bytes), ' ') + "]",
                        "application/json");
        leave();
        return;
    }
    res.status = canned.first;
    res.set_content(canned.second, "application/json");
    leave();
  };
  server_->Get(".*", handler);
  port_ = BindHttpServer(*server_, "127.0.0.1", 0);
  if (port_ <= 0) return Status::IOError("fake api server: cannot bind 127.0.0.1");
  {
    std::lock_guard<std::mutex> lock(mu_);
    imdb_bucket_.tat = Clock::now();
    tmdb_bucket_.tat = Clock::now();
  }
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  for (int i = 0; i < 2000 && !server_->is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return Status::OK();
}

void FakeApiServer::Stop() {
  if (server_ && thread_.joinable()) {
    server_->stop();
    thread_.join();
  }
}

}  // namespace cinelake::testing
