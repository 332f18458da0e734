// A directory of the driver's own for the files of one interpreter session: the rc files of
// a YAML-defined language, ksh's history. Removed with its contents when the session ends,
// so that nothing of the user's (a ~/.sh_history, say) is read or written by the examples.
#pragma once

#include <string>

namespace bx {

class PrivateDir {
 public:
  PrivateDir() = default;
  /// Creates `$TMPDIR/byexample-<language>-XXXXXX` (/tmp without TMPDIR); throws Error when
  /// it cannot.
  static PrivateDir create(const std::string& language);
  ~PrivateDir() { remove(); }
  PrivateDir(PrivateDir&& other) noexcept : m_path(std::move(other.m_path)) {
    other.m_path.clear();
  }
  PrivateDir& operator=(PrivateDir&& other) noexcept;
  PrivateDir(const PrivateDir&) = delete;
  PrivateDir& operator=(const PrivateDir&) = delete;

  /// The directory; empty when there is none.
  const std::string& path() const { return m_path; }
  /// Writes `content` to the file `name` in it; throws Error when it cannot.
  void write(const std::string& name, const std::string& content) const;
  /// Removes the directory and all in it; nothing when there is none.
  void remove() noexcept;

 private:
  explicit PrivateDir(std::string path) : m_path(std::move(path)) {}
  std::string m_path;
};

/// Removes every private directory still there; for the exits that do not unwind (SIGTERM,
/// a second Ctrl-C), after the interpreters are killed.
void remove_all_private_dirs() noexcept;

}  // namespace bx
