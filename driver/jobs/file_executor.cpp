#include "driver/jobs/file_executor.hpp"

#include <map>
#include <set>

#include "driver/find/harvest.hpp"
#include "driver/match/matcher.hpp"
#include "driver/report/reporter.hpp"
#include "driver/util/log.hpp"

namespace bx {

namespace {

std::string render_error(const std::exception& error) {
  std::string text = error.what();
  if (!log::enabled("", log::Level::info)) text += "\n\nRerun with -vvv to get a full stack trace.";
  return text;
}

/// `[!] Something went wrong processing the file '<f>'[, <context>]:` (spec §5.7).
std::string file_error_message(const std::string& filepath, const std::exception& error) {
  std::string where = "processing the file '" + filepath + "'";
  if (const auto* located = dynamic_cast<const Error*>(&error)) {
    const ErrorContext& context = located->where();
    if (context.line > 0) {
      where += ", File \"" + context.filepath + "\", line " + std::to_string(context.line) + ", [" +
               context.owner + "]";
      if (!context.snippet.empty()) where += "\n" + indent_snippet(context.snippet);
    }
  }
  while (!where.empty() && where.back() == '\n') where.pop_back();
  return "Something went wrong " + where + ":\n" + render_error(error);
}

}  // namespace

/// The state of one file's execution: the loop of §4.8, one example at a time.
struct FileExecutor::Run {
  FileExecutor& executor;
  std::vector<Example>& examples;
  const RunnerMap& runners;
  OptionStack& options;
  FileOutcome outcome;
  bool fail_fast_mode = false;

  /// Returns false when the file must stop here.
  bool run_example(Example& example);
  bool execute(Example& example, ExampleRunner& runner);
  void check(Example& example);
  /// The user's Ctrl-C stops the file at `example` (running or about to run).
  void abort_by_the_user(Example& example);
};

void FileExecutor::Run::abort_by_the_user(Example& example) {
  outcome.user_aborted = true;
  executor.m_concerns.notify(&Concern::user_aborted, example, options);
  executor.m_concerns.notify(&Concern::aborted, example, true, options);
}

bool FileExecutor::Run::run_example(Example& example) {
  ConcernList& concerns = executor.m_concerns;
  OptionStack::Scope language_scope(options, executor.language_options(example.language));
  concerns.notify(&Concern::start_parse, example, options);
  try {
    parse_example(example, options, executor.m_parsing.at(example.language), concerns);
  } catch (const std::exception&) {
    outcome.broken = true;
    return false;
  }
  OptionStack::Scope fail_fast_scope(options,
                                     fail_fast_mode ? OptionLayer{{"skip", true}} : OptionLayer{});
  OptionStack::Scope example_scope(options, example.options);
  const bool fail_fast = options.flag("fail_fast");
  if (options.flag("skip")) {
    concerns.notify(&Concern::skip_example, example, options);
    return true;
  }
  if (!execute(example, *runners.at(example.language))) return false;
  if (fail_fast && outcome.failed) fail_fast_mode = true;
  return true;
}

bool FileExecutor::Run::execute(Example& example, ExampleRunner& runner) {
  ConcernList& concerns = executor.m_concerns;
  concerns.notify(&Concern::start_example, example, options);
  bool has_got = false;
  bool timedout = false;
  bool crashed = false;
  bool user_aborted = false;
  try {
    example.got = runner.run(example, options);
    has_got = true;
    concerns.notify(&Concern::finish_example, example, options);
  } catch (const std::exception& error) {
    // The first Ctrl-C ends the interpreter's wait: whatever the runner makes of that (a
    // closed interpreter, a timeout) is the user's abort.
    if (executor.m_user_aborted.load()) {
      user_aborted = true;
    } else if (const auto* timeout = dynamic_cast<const TimeoutError*>(&error)) {
      timedout = true;
      concerns.notify(&Concern::timedout, example, *timeout);
    } else {
      crashed = true;
      concerns.notify(&Concern::crashed, example, error);
    }
  }
  concerns.notify(&Concern::finally_example, example, options, has_got);
  if (user_aborted) {
    abort_by_the_user(example);
    return false;
  }

  bool recovered = false;
  if (timedout && !executor.m_setup.not_recover_timeout) {
    log::warn("exec",
              "Example timed out. Trying to recovering the control (" + example.language + ")...");
    recovered = runner.cancel(example, options);
    log::warn("exec", std::string("Recovering control of ") + example.language +
                          (recovered ? " succeeded, continuing the execution." : " failed."));
  }
  if (crashed || (timedout && !recovered)) {
    outcome.failed = true;
    outcome.crashed = crashed;
    outcome.timedout = timedout;
    concerns.notify(&Concern::aborted, example, false, options);
    return false;
  }
  if (timedout) {
    outcome.failed = true;  // the reporter already counted the timeout as a failure
  } else {
    check(example);
  }
  return true;
}

void FileExecutor::Run::check(Example& example) {
  ConcernList& concerns = executor.m_concerns;
  if (options.flag("pass") || check_got(example.expected, example.got)) {
    concerns.notify(&Concern::success, example, example.got,
                    static_cast<const Differ&>(executor.m_differ), options);
  } else {
    outcome.failed = true;
    concerns.notify(&Concern::failure, example, example.got,
                    static_cast<const Differ&>(executor.m_differ), options);
  }
}

FileExecutor::FileExecutor(const WorkerSetup& setup, ExtensionInstances extensions,
                           const std::atomic<bool>& user_aborted)
    : m_setup(setup),
      m_user_aborted(user_aborted),
      m_delimiters(builtin_zone_delimiters()),
      m_finders(builtin_example_finders()),
      m_parsers(builtin_example_parsers()),
      m_differ(setup.differ) {
  for (const auto& parser : m_parsers) {
    if (!setup.languages.count(parser->language())) continue;
    LanguageParsing parsing = make_language_parsing(*parser);
    for (const ConcernOptions& concern : setup.concern_options) {
      parsing.options.extend(concern.parser);
      if (!parsing.doctest_options.specs().empty()) parsing.doctest_options.extend(concern.parser);
    }
    m_parsing.emplace(parser->language(), std::move(parsing));
  }
  add_extensions(std::move(extensions));
}

FileExecutor::~FileExecutor() = default;

void FileExecutor::add_extensions(ExtensionInstances extensions) {
  for (auto& concern : extensions.concerns) m_concerns.add(std::move(concern));
  // A module finder replaces the built-in one with its target; a module delimiter wins
  // over the built-in ones for its extensions by coming later (harvest's rule).
  for (const auto& finder : extensions.finders) {
    std::erase_if(m_finders,
                  [&](const auto& builtin) { return builtin->target() == finder->target(); });
  }
  for (auto& finder : extensions.finders) m_finders.push_back(std::move(finder));
  for (auto& delimiter : extensions.delimiters) m_delimiters.push_back(std::move(delimiter));
  for (auto& runner : extensions.runners) {
    std::string language = runner->language();
    m_module_runners[language] = std::move(runner);
  }
}

void FileExecutor::FileRunners::shutdown_all() {
  for (auto& [language, runner] : by_language) {
    log::info("exec." + language, "Shutting down " + runner->display_name());
    runner->shutdown();
  }
}

std::vector<Example> FileExecutor::find_examples(const std::string& filepath) {
  std::string text = read_document(filepath, m_setup.encoding);
  std::set<std::string> languages;
  for (const auto& [language, flavor] : m_setup.languages) languages.insert(language);
  return harvest(filepath, text, HarvestSources{&m_delimiters, &m_finders}, languages);
}

void FileExecutor::start_runners(const std::vector<Example>& examples, OptionStack& options,
                                 FileRunners& runners) {
  for (const Example& example : examples) {
    if (runners.by_language.count(example.language)) continue;
    ExampleRunner* runner = nullptr;
    if (auto module = m_module_runners.find(example.language); module != m_module_runners.end()) {
      runner = module->second.get();
    } else {
      RunnerConfig config = m_setup.runner;
      config.flavor = m_setup.languages.at(example.language);
      auto made = make_runner(example.language, config);
      if (!made) {
        for (auto& [language, started] : runners.by_language) started->shutdown();
        std::string reason = "this byexample has no runner for '" + example.language + "' yet";
        throw InterpreterMissing(reason, reason);
      }
      runner = runners.owned.emplace_back(std::move(made)).get();
    }
    OptionStack::Scope scope(options, language_options(example.language));
    log::info("exec." + example.language, "Initializing " + runner->display_name());
    try {
      runner->initialize(options);
    } catch (const InterpreterMissing&) {
      runner->shutdown();
      for (auto& [language, started] : runners.by_language) started->shutdown();
      throw;
    } catch (...) {
      runner->shutdown();
      log::warn("exec", "Initialization of " + runner->display_name() + " failed.");
      for (auto& [language, started] : runners.by_language) started->shutdown();
      throw;
    }
    runners.by_language.emplace(example.language, runner);
  }
}

const OptionLayer& FileExecutor::global_options() const {
  return m_document ? m_document->global_options : m_setup.global_options;
}

const OptionLayer& FileExecutor::language_options(const std::string& language) const {
  return (m_document ? m_document->language_options : m_setup.language_options).at(language);
}

FileResult FileExecutor::report_file_error(const std::string& filepath,
                                           const std::exception& error) {
  const bool complete = dynamic_cast<const DocumentError*>(&error) != nullptr;
  // An interpreter that could not start because the user pressed Ctrl-C is no error of its.
  if (!m_user_aborted.load()) {
    log::error("", complete ? std::string(error.what()) : file_error_message(filepath, error));
  }
  return FileResult{true, true, m_user_aborted.load(), !m_user_aborted.load()};
}

FileResult FileExecutor::skip_file(const std::string& filepath, const InterpreterMissing& missing) {
  const std::string& reason = missing.reason();
  log::warn("", "Skipping " + filepath + ": " + reason + ".");
  for (OutcomeSink* sink : m_setup.sinks) sink->file_skipped(filepath, reason);
  FileResult result;
  result.skipped = true;
  return result;
}

FileResult FileExecutor::dry_run(std::vector<Example>& examples, const std::string& filepath) {
  OptionStack options(global_options());
  ConcernList no_concerns;
  for (Example& example : examples) {
    OptionStack::Scope scope(options, language_options(example.language));
    const LanguageParsing& parsing = m_parsing.at(example.language);
    try {
      parse_example(example, options, parsing, no_concerns);
    } catch (const ParseError& error) {
      // Nothing runs to report it against: the file fails, naming the example.
      throw Error(error.what(), ErrorContext{example.filepath, example.start_lineno,
                                             parsing.parser->display_name(), example.snippet});
    }
  }
  log::info("exec", "File " + filepath + ", " + std::to_string(examples.size()) + " examples.");
  return {};
}

FileResult FileExecutor::run_file(const std::string& filepath) {
  // What is logged while the file runs reaches the concerns too (spec §7.8).
  log::ListenerScope listening([this](const std::string& record) {
    m_concerns.notify(&Concern::event, std::string("log"),
                      std::map<std::string, std::string>{{"msg", record}});
  });
  std::vector<Example> examples;
  FileRunners runners;
  m_document = m_setup.document_options ? m_setup.document_options(filepath) : nullptr;
  OptionStack options(global_options());
  try {
    examples = find_examples(filepath);
    if (examples.empty()) {
      log::info("exec", "File " + filepath + ", no test found");
      return {};
    }
    if (m_setup.dry) return dry_run(examples, filepath);
    start_runners(examples, options, runners);
  } catch (const InterpreterMissing& missing) {
    return skip_file(filepath, missing);
  } catch (const std::exception& error) {
    return report_file_error(filepath, error);
  }

  Run run{*this, examples, runners.by_language, options, {}};
  m_concerns.notify(&Concern::start, examples, runners.by_language, filepath, options);
  for (Example& example : examples) {
    if (m_user_aborted.load()) {
      run.abort_by_the_user(example);
      break;
    }
    if (!run.run_example(example)) break;
  }
  m_concerns.notify(&Concern::finish, run.outcome);
  runners.shutdown_all();
  const FileOutcome& o = run.outcome;
  FileResult result{o.failed, o.crashed || o.broken || o.timedout, o.user_aborted, false};
  result.ran = true;
  return result;
}

}  // namespace bx
