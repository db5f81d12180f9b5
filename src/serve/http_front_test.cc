#include "serve/http_front.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <thread>

namespace cinelake::serve {
namespace {

using std::chrono::milliseconds;

// A connected loopback socket whose reads give up after 3 s.
int Connect(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  timeval tv{3, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  return fd;
}

void Send(int fd, const std::string& text) {
  ASSERT_EQ(::send(fd, text.data(), text.size(), MSG_NOSIGNAL), static_cast<ssize_t>(text.size()));
}

// Everything read until the peer closes, `want` bytes came, or 3 s of silence.
std::string Read(int fd, size_t want = SIZE_MAX) {
  std::string got;
  char buf[4096];
  while (got.size() < want) {
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    got.append(buf, static_cast<size_t>(n));
  }
  return got;
}

// Sends `request` on a new connection and reads the whole answer.
std::string Exchange(int port, const std::string& request) {
  int fd = Connect(port);
  Send(fd, request);
  std::string got = Read(fd);
  ::close(fd);
  return got;
}

class HttpFrontTest : public ::testing::Test {
 protected:
  void Start(HttpFront::Limits limits) {
    front_ = std::make_unique<HttpFront>(
        [](const HttpRequest& req, HttpResponse& res) {
          res.content_type = "text/plain";
          res.body = "path=" + req.path + (req.has_body ? " body" : "");
        },
        [](int status) {
          HttpResponse r;
          r.status = status;
          r.body = "refused";
          return r;
        },
        limits);
    auto port = front_->Bind("127.0.0.1", 0);
    ASSERT_TRUE(port.ok()) << port.status().ToString();
    port_ = *port;
    thread_ = std::thread([this] { front_->Run(); });
  }
  void TearDown() override {
    if (front_) front_->Stop();
    if (thread_.joinable()) thread_.join();
  }
  std::unique_ptr<HttpFront> front_;
  std::thread thread_;
  int port_ = 0;
};

TEST_F(HttpFrontTest, AnswersPipelinedRequestsInOrderAndHeadWithoutBody) {
  Start({});
  std::string got = Exchange(
      port_, "GET /a HTTP/1.1\r\n\r\nHEAD /b HTTP/1.1\r\n\r\nGET /c HTTP/1.1\r\nConnection: close\r\n\r\n");
  size_t a = got.find("path=/a");
  size_t b = got.find("Content-Length: 7\r\nConnection: keep-alive\r\n\r\nHTTP/1.1 200 OK");
  size_t c = got.find("path=/c");
  EXPECT_NE(a, std::string::npos) << got;
  EXPECT_EQ(got.find("path=/b"), std::string::npos) << "a HEAD answer has no body";
  EXPECT_NE(b, std::string::npos) << got;
  EXPECT_NE(c, std::string::npos) << got;
  EXPECT_TRUE(a < b && b < c) << got;
  EXPECT_NE(got.find("Connection: close"), std::string::npos);
}

TEST_F(HttpFrontTest, AHeadDripFedPastItsDeadlineIs408AndClosed) {
  HttpFront::Limits limits;
  limits.head_deadline = milliseconds(400);
  Start(limits);
  int fd = Connect(port_);
  Send(fd, "GET / HTTP/1.1\r\n");
  std::string got;
  for (int i = 0; i < 20 && got.empty(); ++i) {
    std::this_thread::sleep_for(milliseconds(100));
    if (::send(fd, "X: y\r\n", 6, MSG_NOSIGNAL) < 0) break;
    char buf[512];
    ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n > 0) got.assign(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  EXPECT_EQ(got.rfind("HTTP/1.1 408 ", 0), 0u) << got;
}

TEST_F(HttpFrontTest, AnOversizedHeadIs431) {
  HttpFront::Limits limits;
  limits.head_bytes = 1024;
  Start(limits);
  std::string got = Exchange(port_, "GET / HTTP/1.1\r\nX: " + std::string(2000, 'a') + "\r\n\r\n");
  EXPECT_EQ(got.rfind("HTTP/1.1 431 ", 0), 0u) << got;
}

TEST_F(HttpFrontTest, ABodyIsAnnouncedToTheHandlerAndNeverParsedAsARequest) {
  Start({});
  std::string got = Exchange(port_, "GET /a HTTP/1.1\r\nContent-Length: 19\r\n\r\nGET /b HTTP/1.1\r\n\r\n");
  EXPECT_NE(got.find("path=/a body"), std::string::npos) << got;
  EXPECT_NE(got.find("Connection: close"), std::string::npos) << got;
  EXPECT_EQ(got.find("path=/b"), std::string::npos) << got;
}

TEST_F(HttpFrontTest, AtTheConnectionCapTheOldestUnfinishedHeadMakesRoom) {
  HttpFront::Limits limits;
  limits.max_connections = 3;
  Start(limits);
  int slow[3];
  for (int& fd : slow) {
    fd = Connect(port_);
    Send(fd, "GET / HTTP/1.1\r\n");
    std::this_thread::sleep_for(milliseconds(50));  // accepted in this order
  }
  std::string got = Exchange(port_, "GET /fresh HTTP/1.1\r\nConnection: close\r\n\r\n");
  EXPECT_NE(got.find("path=/fresh"), std::string::npos) << got;
  EXPECT_EQ(Read(slow[0]), "") << "the oldest was closed";
  for (int s : slow) ::close(s);
}

}  // namespace
}  // namespace cinelake::serve
