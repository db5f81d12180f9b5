#include "serve/http_front.h"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

namespace cinelake::serve {

namespace {

using Clock = std::chrono::steady_clock;

// Descriptors kept free for the lake, logs and the snapshot watcher.
constexpr size_t kReservedFds = 64;
// After a closing answer, input still arriving is read and dropped for this
// long before close(): closing with unread input sends RST, which can destroy
// the answer before the client has read it.
constexpr std::chrono::milliseconds kLingerTime{1000};
constexpr size_t kLingerBytes = 64 << 10;

size_t RaiseFdLimit() {
  rlimit lim{};
  if (getrlimit(RLIMIT_NOFILE, &lim) != 0) return 1024;
  if (lim.rlim_cur < lim.rlim_max) {
    rlimit raised = lim;
    raised.rlim_cur = lim.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) lim = raised;
  }
  return lim.rlim_cur == RLIM_INFINITY ? SIZE_MAX : static_cast<size_t>(lim.rlim_cur);
}

// Where the blank line ending a head is, or npos; `*end` is just past it.
size_t FindHeadEnd(const std::string& in, size_t* end) {
  for (size_t i = in.find('\n'); i != std::string::npos; i = in.find('\n', i + 1)) {
    if (i + 1 < in.size() && in[i + 1] == '\n') {
      *end = i + 2;
      return i;
    }
    if (i + 2 < in.size() && in[i + 1] == '\r' && in[i + 2] == '\n') {
      *end = i + 3;
      return i;
    }
  }
  return std::string::npos;
}

bool HasToken(const std::string* value, std::string_view token) {
  if (value == nullptr) return false;
  std::string lower;
  for (char c : *value) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find(token) != std::string::npos;
}

}  // namespace

class HttpFront::Loop {
 public:
  Loop(Handler handler, Refusal refuse, Limits limits)
      : handler_(std::move(handler)), refuse_(std::move(refuse)), limits_(limits) {}

  ~Loop() {
    for (auto& [fd, conn] : conns_) ::close(fd);
    if (listen_fd_ >= 0) ::close(listen_fd_);
    if (wake_fd_ >= 0) ::close(wake_fd_);
    if (epoll_fd_ >= 0) ::close(epoll_fd_);
  }

  Result<int> Bind(const std::string& host, int port);
  void Run();
  void Stop() {
    stopping_.store(true);
    Wake();
  }

 private:
  enum class State { kReadingHead, kProcessing, kWriting, kLingering };

  struct Conn {
    uint64_t id = 0;
    State state = State::kReadingHead;
    Clock::time_point since;  // when the current state began
    bool got_bytes = false;   // of the head being read
    bool close_after = false;
    bool hung_up = false;  // the peer went away while a worker had the request
    int requests = 0;
    std::string in;
    std::string out;
    size_t out_done = 0;
  };

  struct Done {
    int fd;
    uint64_t id;
    bool keep_alive;
    std::string bytes;
  };

  void Wake() {
    uint64_t one = 1;
    if (wake_fd_ >= 0) (void)!::write(wake_fd_, &one, sizeof one);
  }
  void Watch(int fd, uint32_t events, int op = EPOLL_CTL_MOD) {
    epoll_event ev{};
    ev.events = events;
    ev.data.fd = fd;
    ::epoll_ctl(epoll_fd_, op, fd, &ev);
  }
  void Close(int fd) {
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
    ::close(fd);
    conns_.erase(fd);
  }

  void Accept();
  void EvictOne();
  void OnReadable(int fd, Conn& c);
  void TryParse(int fd, Conn& c);
  void Answer(int fd, Conn& c, std::string bytes);
  void Refuse(int fd, Conn& c, int status);
  void OnWritable(int fd, Conn& c);
  void CollectDone();
  void Sweep();
  void Work();

  Handler handler_;
  Refusal refuse_;
  Limits limits_;
  int listen_fd_ = -1;
  int epoll_fd_ = -1;
  int wake_fd_ = -1;
  std::atomic<bool> stopping_{false};
  std::unordered_map<int, Conn> conns_;
  uint64_t next_id_ = 1;

  std::mutex mu_;
  std::condition_variable work_cv_;
  std::deque<std::pair<Done, HttpRequest>> jobs_;  // guarded by mu_
  std::vector<Done> done_;                         // guarded by mu_
  bool workers_stop_ = false;                      // guarded by mu_
};

Result<int> HttpFront::Loop::Bind(const std::string& host, int port) {
  size_t fds = RaiseFdLimit();
  if (fds > kReservedFds * 2) limits_.max_connections = std::min(limits_.max_connections, fds - kReservedFds);
  auto fail = [&](const std::string& why) {
    return Status::IOError("cannot listen on " + host + ":" +
                           (port == 0 ? "any port" : std::to_string(port)) + " (" + why + ")");
  };
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  if (::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0 || found == nullptr)
    return fail("not an address of this machine");
  std::string why = "in use, or not an address of this machine";
  for (addrinfo* a = found; a != nullptr && listen_fd_ < 0; a = a->ai_next) {
    int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (::bind(fd, a->ai_addr, a->ai_addrlen) == 0 && ::listen(fd, 1024) == 0) {
      listen_fd_ = fd;
    } else {
      why = std::strerror(errno);
      ::close(fd);
    }
  }
  ::freeaddrinfo(found);
  if (listen_fd_ < 0) return fail(why);
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  int bound = addr.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port)
                                         : ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
  epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
  wake_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (epoll_fd_ < 0 || wake_fd_ < 0) return fail(std::strerror(errno));
  Watch(listen_fd_, EPOLLIN, EPOLL_CTL_ADD);
  Watch(wake_fd_, EPOLLIN, EPOLL_CTL_ADD);
  return bound;
}

void HttpFront::Loop::Run() {
  std::vector<std::thread> workers;
  for (int i = 0; i < limits_.workers; ++i) workers.emplace_back([this] { Work(); });
  std::vector<epoll_event> events(256);
  Clock::time_point last_sweep = Clock::now();
  while (!stopping_.load()) {
    int n = ::epoll_wait(epoll_fd_, events.data(), static_cast<int>(events.size()), 100);
    for (int i = 0; i < n; ++i) {
      int fd = events[i].data.fd;
      if (fd == listen_fd_) {
        Accept();
        continue;
      }
      if (fd == wake_fd_) {
        uint64_t count;
        (void)!::read(wake_fd_, &count, sizeof count);
        CollectDone();
        continue;
      }
      auto it = conns_.find(fd);
      if (it == conns_.end()) continue;
      Conn& c = it->second;
      if (c.state == State::kProcessing) {
        // Only errors and hang-ups arrive here; the worker's answer closes it.
        c.hung_up = true;
        ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
      } else if (c.state == State::kWriting) {
        OnWritable(fd, c);
      } else {
        OnReadable(fd, c);
      }
    }
    if (Clock::now() - last_sweep >= std::chrono::milliseconds(100)) {
      Sweep();
      last_sweep = Clock::now();
    }
  }
  {
    std::lock_guard lock(mu_);
    workers_stop_ = true;
  }
  work_cv_.notify_all();
  for (auto& w : workers) w.join();
}

void HttpFront::Loop::Accept() {
  for (int burst = 0; burst < 256; ++burst) {
    int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) return;  // EAGAIN, or out of descriptors: the backlog keeps the rest
    if (conns_.size() >= limits_.max_connections) EvictOne();
    if (conns_.size() >= limits_.max_connections) {
      ::close(fd);
      continue;
    }
    int yes = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);  // small answers; no Nagle delay
    Conn& c = conns_[fd];
    c.id = next_id_++;
    c.since = Clock::now();
    Watch(fd, EPOLLIN, EPOLL_CTL_ADD);
  }
}

void HttpFront::Loop::EvictOne() {
  // Silent connections first, then the slowest head; never one being answered.
  int victim = -1;
  bool victim_silent = false;
  Clock::time_point oldest = Clock::time_point::max();
  for (const auto& [fd, c] : conns_) {
    if (c.state != State::kReadingHead && c.state != State::kLingering) continue;
    bool silent = !c.got_bytes || c.state == State::kLingering;
    if ((silent && !victim_silent) || (silent == victim_silent && c.since < oldest)) {
      victim = fd;
      victim_silent = silent;
      oldest = c.since;
    }
  }
  if (victim >= 0) Close(victim);
}

void HttpFront::Loop::OnReadable(int fd, Conn& c) {
  char buf[8192];
  while (true) {
    ssize_t got = ::recv(fd, buf, sizeof buf, 0);
    if (got == 0 || (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) return Close(fd);
    if (got < 0) break;
    if (c.state == State::kLingering) {
      c.out_done += static_cast<size_t>(got);
      if (c.out_done > kLingerBytes) return Close(fd);
      continue;
    }
    c.in.append(buf, static_cast<size_t>(got));
    c.got_bytes = true;
    if (c.in.size() > limits_.head_bytes + sizeof buf) break;  // TryParse refuses it
  }
  if (c.state == State::kReadingHead) TryParse(fd, c);
}

void HttpFront::Loop::TryParse(int fd, Conn& c) {
  // Empty lines before a request line are allowed (RFC 9112 2.2).
  size_t skip = c.in.find_first_not_of("\r\n");
  c.in.erase(0, skip == std::string::npos ? c.in.size() : skip);
  size_t end = 0;
  size_t head_end = FindHeadEnd(c.in, &end);
  if (head_end == std::string::npos) {
    if (c.in.size() > limits_.head_bytes) Refuse(fd, c, 431);
    return;
  }
  if (end > limits_.head_bytes) return Refuse(fd, c, 431);
  HttpRequest req;
  int bad = ParseRequestHead(std::string_view(c.in).substr(0, head_end), &req);
  c.in.erase(0, end);
  if (bad != 0) return Refuse(fd, c, bad);
  const std::string* length = req.Header("content-length");
  req.has_body = req.Header("transfer-encoding") != nullptr || (length != nullptr && *length != "0");
  bool keep = req.http10 ? HasToken(req.Header("connection"), "keep-alive")
                         : !HasToken(req.Header("connection"), "close");
  c.close_after = !keep || req.has_body || ++c.requests >= limits_.requests_per_connection;
  c.state = State::kProcessing;
  c.since = Clock::now();
  Watch(fd, 0);
  {
    std::lock_guard lock(mu_);
    jobs_.push_back({Done{fd, c.id, !c.close_after, {}}, std::move(req)});
  }
  work_cv_.notify_one();
}

void HttpFront::Loop::Work() {
  while (true) {
    std::pair<Done, HttpRequest> job;
    {
      std::unique_lock lock(mu_);
      work_cv_.wait(lock, [&] { return workers_stop_ || !jobs_.empty(); });
      if (workers_stop_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    HttpResponse res;
    handler_(job.second, res);
    job.first.bytes = SerializeHead(res, res.body.size(), job.first.keep_alive);
    if (job.second.method != "HEAD") job.first.bytes += res.body;
    {
      std::lock_guard lock(mu_);
      done_.push_back(std::move(job.first));
    }
    Wake();
  }
}

void HttpFront::Loop::CollectDone() {
  std::vector<Done> done;
  {
    std::lock_guard lock(mu_);
    done.swap(done_);
  }
  for (Done& d : done) {
    auto it = conns_.find(d.fd);
    if (it == conns_.end() || it->second.id != d.id) continue;
    Conn& c = it->second;
    if (c.hung_up) {
      ::close(d.fd);
      conns_.erase(it);
      continue;
    }
    Answer(d.fd, c, std::move(d.bytes));
  }
}

void HttpFront::Loop::Answer(int fd, Conn& c, std::string bytes) {
  c.state = State::kWriting;
  c.since = Clock::now();
  c.out = std::move(bytes);
  c.out_done = 0;
  Watch(fd, EPOLLOUT);
  OnWritable(fd, c);
}

void HttpFront::Loop::Refuse(int fd, Conn& c, int status) {
  c.close_after = true;
  HttpResponse r = refuse_(status);
  Answer(fd, c, SerializeHead(r, r.body.size(), false) + r.body);
}

void HttpFront::Loop::OnWritable(int fd, Conn& c) {
  while (c.out_done < c.out.size()) {
    ssize_t sent = ::send(fd, c.out.data() + c.out_done, c.out.size() - c.out_done, MSG_NOSIGNAL);
    if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    if (sent < 0 && errno == EINTR) continue;
    if (sent <= 0) return Close(fd);
    c.out_done += static_cast<size_t>(sent);
  }
  std::string().swap(c.out);
  c.since = Clock::now();
  if (c.close_after) {
    ::shutdown(fd, SHUT_WR);
    c.state = State::kLingering;
    c.out_done = 0;
    Watch(fd, EPOLLIN);
    return;
  }
  c.state = State::kReadingHead;
  c.got_bytes = !c.in.empty();
  Watch(fd, EPOLLIN);
  if (!c.in.empty()) TryParse(fd, c);  // a pipelined request already here
}

void HttpFront::Loop::Sweep() {
  Clock::time_point now = Clock::now();
  bool pressure = conns_.size() > limits_.max_connections / 2;
  std::chrono::milliseconds idle = pressure ? limits_.idle_under_pressure : limits_.idle_timeout;
  std::vector<int> expired;
  std::vector<int> too_slow;
  for (const auto& [fd, c] : conns_) {
    auto age = now - c.since;
    switch (c.state) {
      case State::kReadingHead:
        if (!c.got_bytes && age > idle) expired.push_back(fd);
        if (c.got_bytes && age > limits_.head_deadline) too_slow.push_back(fd);
        break;
      case State::kWriting:
        if (age > limits_.write_deadline) expired.push_back(fd);
        break;
      case State::kLingering:
        if (age > kLingerTime) expired.push_back(fd);
        break;
      case State::kProcessing: break;
    }
  }
  for (int fd : expired) Close(fd);
  for (int fd : too_slow) Refuse(fd, conns_[fd], 408);
}

HttpFront::HttpFront(Handler handler, Refusal refuse, Limits limits)
    : loop_(std::make_unique<Loop>(std::move(handler), std::move(refuse), limits)) {}
HttpFront::~HttpFront() = default;
Result<int> HttpFront::Bind(const std::string& host, int port) {
  return loop_->Bind(host, port);
}
void HttpFront::Run() {
  loop_->Run();
}
void HttpFront::Stop() {
  loop_->Stop();
}

}  // namespace cinelake::serve
