#include "driver/report/outcomes.hpp"

namespace bx {

void OutcomeConcern::start(std::vector<Example>& examples, const RunnerMap&, const std::string&,
                           OptionStack&) {
  m_examples = &examples;
  m_reported = 0;
}

void OutcomeConcern::emit(const Example& example, ExampleStatus status, std::string message) {
  ExampleRecord record{example.filepath, example.start_lineno, status, std::move(message), 0};
  if (status != ExampleStatus::skipped) {
    record.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - m_example_start).count();
  }
  for (OutcomeSink* sink : m_sinks) sink->example_finished(record);
  ++m_reported;
}

void OutcomeConcern::finish_parse(Example& example, OptionStack&, const std::exception* error) {
  if (error == nullptr) return;
  std::string kind = "Exception";
  if (const auto* parse = dynamic_cast<const ParseError*>(error)) kind = parse->kind();
  emit(example, ExampleStatus::error, kind + ": " + error->what());
}

void OutcomeConcern::skip_example(Example& example, OptionStack&) {
  emit(example, ExampleStatus::skipped, "");
}

void OutcomeConcern::start_example(Example&, OptionStack&) {
  m_example_start = std::chrono::steady_clock::now();
}

void OutcomeConcern::timedout(Example& example, const TimeoutError& error) {
  emit(example, ExampleStatus::failed,
       std::string("Execution timed out.\n") + error.what() + "\nLast output:\n" + error.output);
}

void OutcomeConcern::crashed(Example& example, const std::exception& error) {
  emit(example, ExampleStatus::error, std::string("Execution crashed.\n") + error.what());
}

void OutcomeConcern::success(Example& example, const std::string&, const Differ&, OptionStack&) {
  emit(example, ExampleStatus::passed, "");
}

void OutcomeConcern::failure(Example& example, const std::string& got, const Differ& differ,
                             OptionStack& options) {
  emit(example, ExampleStatus::failed, differ.output_difference(example, got, options, false));
}

void OutcomeConcern::finish(const FileOutcome& outcome) {
  if (m_examples == nullptr) return;
  // Examples never reached because the file stopped early still get a record.
  const char* why = outcome.user_aborted ? "not run: aborted by the user"
                                         : "not run: the file was aborted before it";
  for (std::size_t i = m_reported; i < m_examples->size(); ++i) {
    emit((*m_examples)[i], ExampleStatus::skipped, why);
  }
  m_examples = nullptr;
}

}  // namespace bx
