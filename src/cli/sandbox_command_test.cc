// Drives the built `cinelake sandbox` binary: the one stdout line, a live
// answer, and a clean exit on SIGTERM.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

namespace {

// Reads from fd until `stop` is in the text, EOF, or the deadline.
std::string ReadUntil(int fd, const std::string& stop, std::chrono::milliseconds budget) {
  std::string text;
  auto deadline = std::chrono::steady_clock::now() + budget;
  while (text.find(stop) == std::string::npos) {
    auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    char buf[512];
    ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) break;
    text.append(buf, static_cast<size_t>(n));
  }
  return text;
}

int WaitExit(pid_t pid, std::chrono::milliseconds budget) {
  auto deadline = std::chrono::steady_clock::now() + budget;
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid)
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  return -1;
}

TEST(SandboxCommandTest, PrintsOneLineServesAndExitsCleanlyOnSigterm) {
  int out[2];
  ASSERT_EQ(pipe(out), 0);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, STDERR_FILENO);
    close(out[0]);
    execl(CINELAKE_BINARY, CINELAKE_BINARY, "sandbox", "--port", "0", "--date", "2026-11-23",
          "--movie-catalog", "100", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out[1]);
  std::string line = ReadUntil(out[0], "\n", std::chrono::seconds(15));
  const std::string prefix = "sandbox listening on http://127.0.0.1:";
  ASSERT_EQ(line.rfind(prefix, 0), 0u) << line;
  std::string url = line.substr(std::string("sandbox listening on ").size());
  url.pop_back();  // newline

  httplib::Client c(url);
  c.set_default_headers({{"Authorization", "Bearer sandbox-tmdb-token"}});
  auto r = c.Get("/tmdb/3/movie/1000");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  auto health = c.Get("/_sandbox/health");
  ASSERT_TRUE(health);
  EXPECT_NE(health->body.find("2026-11-23"), std::string::npos);

  ASSERT_EQ(kill(pid, SIGTERM), 0);
  EXPECT_EQ(WaitExit(pid, std::chrono::seconds(15)), 0);
  std::string rest = ReadUntil(out[0], "\x01", std::chrono::milliseconds(200));
  EXPECT_EQ(rest, "") << "stdout must hold exactly one line";
  close(out[0]);
}

TEST(SandboxCommandTest, BadFlagsExitWithUsageCode) {
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, STDOUT_FILENO);
    dup2(devnull, STDERR_FILENO);
    execl(CINELAKE_BINARY, CINELAKE_BINARY, "sandbox", "--port", "0", "--date", "2026-02-30",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  EXPECT_EQ(WaitExit(pid, std::chrono::seconds(15)), 2);
}

}  // namespace
