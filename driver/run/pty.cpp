#include "driver/run/pty.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>

#include "driver/run/sessions.hpp"
#include "driver/run/spawn.hpp"
#include "driver/run/user_abort.hpp"

namespace bx {

namespace {

constexpr int k_write_stall_ms = 10000;

double now() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

timespec to_timespec(double seconds) {
  if (seconds < 0) seconds = 0;
  timespec ts;
  ts.tv_sec = static_cast<time_t>(seconds);
  ts.tv_nsec = static_cast<long>((seconds - static_cast<double>(ts.tv_sec)) * 1e9);
  return ts;
}

std::string env_value(const std::vector<std::string>& env, std::string_view name) {
  for (const auto& entry : env) {
    if (entry.size() > name.size() && entry.compare(0, name.size(), name) == 0 &&
        entry[name.size()] == '=') {
      return entry.substr(name.size() + 1);
    }
  }
  return {};
}

/// write(), except that a pipe without a reader makes it fail with EPIPE instead of
/// raising SIGPIPE, which would end byexample.
ssize_t write_without_sigpipe(int fd, std::string_view data) {
  sigset_t pipe_signal;
  sigset_t previous;
  sigemptyset(&pipe_signal);
  sigaddset(&pipe_signal, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_signal, &previous);
  ssize_t n = ::write(fd, data.data(), data.size());
  int error = errno;
  if (n < 0 && error == EPIPE && !sigismember(&previous, SIGPIPE)) {
    timespec now{0, 0};
    sigtimedwait(&pipe_signal, nullptr, &now);  // the signal it left pending for this thread
  }
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  errno = error;
  return n;
}

}  // namespace

std::string find_executable(const std::string& program, std::string_view path) {
  auto runnable = [](const std::string& candidate) {
    struct stat info {};
    return stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
           access(candidate.c_str(), X_OK) == 0;
  };
  if (program.empty()) return {};
  if (program.find('/') != std::string::npos) return runnable(program) ? program : std::string();
  if (path.empty()) path = "/bin:/usr/bin";
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t colon = path.find(':', start);
    if (colon == std::string_view::npos) colon = path.size();
    std::string dir(path.substr(start, colon - start));
    std::string candidate = (dir.empty() ? "." : dir) + "/" + program;
    if (runnable(candidate)) return candidate;
    start = colon + 1;
  }
  return {};
}

PtyProcess::PtyProcess(const PtySpawnRequest& request) {
  if (request.argv.empty()) throw SpawnError("empty command line", EINVAL);
  ExecPlan plan{find_executable(request.argv[0], env_value(request.env, "PATH")), request.argv,
                request.env};
  if (plan.path.empty()) throw SpawnError(request.argv[0] + ": command not found", ENOENT);
  std::string terminal;
  int slave = open_terminal(request, terminal);
  int input = request.stdin_pipe ? open_stdin_pipe() : -1;
  if (request.stdin_pipe && input < 0) {
    int error = errno;
    close(slave);
    close_master();
    throw SpawnError(std::string("cannot open a pipe: ") + std::strerror(error), error);
  }
  // Not even env's own error message can tell the difference: whatever the direct
  // execution cannot start (a script without a #! line...) env starts.
  int error = ENOEXEC;
  if (auto direct = plan_without_env(plan)) {
    error = spawn_on_terminal(terminal, *direct, m_pid, input);
  }
  if (error != 0) error = spawn_on_terminal(terminal, plan, m_pid, input);
  close(slave);  // only now: the terminal hangs up when its last slave descriptor closes
  if (input >= 0) close(input);
  if (error != 0) {
    m_pid = -1;
    close_master();
    throw SpawnError(request.argv[0] + ": " + std::strerror(error), error);
  }
  sessions::add(m_pid);
  m_pidfd = static_cast<int>(syscall(SYS_pidfd_open, m_pid, 0));
  fcntl(m_master, F_SETFL, fcntl(m_master, F_GETFL) | O_NONBLOCK);
}

int PtyProcess::open_stdin_pipe() {
  int ends[2];
  if (pipe2(ends, O_CLOEXEC) != 0) return -1;
  // Above the standard descriptors, which the child reopens before it takes this one.
  int reading = fcntl(ends[0], F_DUPFD_CLOEXEC, 3);
  close(ends[0]);
  if (reading < 0) {
    close(ends[1]);
    return -1;
  }
  m_stdin = ends[1];
  fcntl(m_stdin, F_SETFL, fcntl(m_stdin, F_GETFL) | O_NONBLOCK);
  return reading;
}

int PtyProcess::open_terminal(const PtySpawnRequest& request, std::string& path) {
  m_master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  char name[128];
  int slave = -1;
  if (m_master >= 0 && grantpt(m_master) == 0 && unlockpt(m_master) == 0 &&
      ptsname_r(m_master, name, sizeof(name)) == 0) {
    slave = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
    path = name;
  }
  if (slave < 0) {
    int error = errno;
    close_master();
    throw SpawnError(std::string("cannot open a pseudo-terminal: ") + std::strerror(error), error);
  }
  termios attributes{};
  tcgetattr(slave, &attributes);
  if (!request.echo) attributes.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(slave, TCSANOW, &attributes);
  winsize size{static_cast<unsigned short>(request.rows), static_cast<unsigned short>(request.cols),
               0, 0};
  ioctl(slave, TIOCSWINSZ, &size);
  return slave;
}

PtyProcess::~PtyProcess() {
  try {
    hand_over();
  } catch (const std::exception&) {
    // The reaper could not take it: end it here rather than leave it running.
    sessions::kill_members({&m_pid, 1});
    while (waitpid(m_pid, nullptr, 0) < 0 && errno == EINTR) {
    }
    sessions::remove(m_pid);
    if (m_pidfd >= 0) close(m_pidfd);
  }
}

bool PtyProcess::write(std::string_view data) {
  const int input = m_stdin >= 0 ? m_stdin : m_master;
  while (!data.empty() && m_master >= 0) {
    ssize_t n = write_without_sigpipe(input, data);
    if (n > 0) {
      data.remove_prefix(static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno != EAGAIN) return false;
    // The program is not reading: keep reading its output so that it cannot block on us.
    pollfd fds[2] = {{m_master, POLLIN, 0}, {input, POLLOUT, 0}};
    nfds_t count = input == m_master ? 1 : 2;
    fds[0].events |= input == m_master ? POLLOUT : 0;
    if (poll(fds, count, k_write_stall_ms) <= 0) return false;
    if (fds[0].revents & POLLIN) {
      char buffer[4096];
      ssize_t got = ::read(m_master, buffer, sizeof(buffer));
      if (got > 0) m_backlog.append(buffer, static_cast<std::size_t>(got));
    }
    if ((fds[0].revents & POLLIN) == 0 && (fds[count - 1].revents & POLLOUT) == 0) return false;
  }
  return m_master >= 0;
}

PtyProcess::ReadStatus PtyProcess::read(std::string& out, double timeout) {
  if (!m_backlog.empty()) {
    out += m_backlog;
    m_backlog.clear();
    return ReadStatus::data;
  }
  // After the user's first Ctrl-C the interpreter counts as gone: every wait ends now.
  if (m_master < 0 || user_abort::raised()) return ReadStatus::eof;
  double deadline = now() + timeout;
  while (true) {
    pollfd fds[2] = {{m_master, POLLIN, 0}, {user_abort::fd(), POLLIN, 0}};
    timespec wait = to_timespec(deadline - now());
    int ready = ppoll(fds, fds[1].fd >= 0 ? 2 : 1, &wait, nullptr);
    if (user_abort::raised()) return ReadStatus::eof;
    if (ready < 0 && errno != EINTR) return ReadStatus::eof;
    if (ready > 0) {
      char buffer[65536];
      ssize_t n = ::read(m_master, buffer, sizeof(buffer));
      if (n > 0) {
        out.append(buffer, static_cast<std::size_t>(n));
        return ReadStatus::data;
      }
      if (n == 0 || (errno != EAGAIN && errno != EINTR)) return ReadStatus::eof;
    }
    if (now() >= deadline) return ReadStatus::timeout;
  }
}

void PtyProcess::set_echo(bool on) {
  termios attributes{};
  if (m_master < 0 || tcgetattr(m_master, &attributes) != 0) return;
  if (((attributes.c_lflag & ECHO) != 0) == on) return;
  if (on) {
    attributes.c_lflag |= ECHO;
  } else {
    attributes.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  }
  tcsetattr(m_master, TCSANOW, &attributes);
}

bool PtyProcess::echo() const {
  termios attributes{};
  return m_master >= 0 && tcgetattr(m_master, &attributes) == 0 && (attributes.c_lflag & ECHO);
}

void PtyProcess::resize(int rows, int cols) {
  winsize size{static_cast<unsigned short>(rows), static_cast<unsigned short>(cols), 0, 0};
  if (m_master >= 0) ioctl(m_master, TIOCSWINSZ, &size);
}

void PtyProcess::close_master() noexcept {
  if (m_master >= 0) close(m_master);
  m_master = -1;
  if (m_stdin >= 0) close(m_stdin);  // end of input too
  m_stdin = -1;
}

void PtyProcess::hand_over(ReapWarning warning) {
  hand_over(k_grace_seconds, std::move(warning));
}

void PtyProcess::hand_over(double grace_seconds, ReapWarning warning) {
  close_master();  // the hang-up: SIGHUP to the session leader and the foreground job
  if (m_pid <= 0 || m_handed_over) return;
  hand_to_reaper(ReapRequest{m_pid, m_pidfd, grace_seconds, std::move(warning)});
  m_pidfd = -1;
  m_handed_over = true;
}

bool PtyProcess::terminate(double grace_seconds) noexcept {
  if (m_pid <= 0 || m_reaped) return true;
  try {
    hand_over(grace_seconds, {});
  } catch (const std::exception&) {
    return false;  // no reaper thread or no memory: the destructor kills it
  }
  m_reaped = wait_reaped(m_pid);
  return m_reaped;
}

}  // namespace bx
