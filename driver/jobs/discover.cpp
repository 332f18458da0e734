#include "driver/jobs/discover.hpp"

#include <nlohmann/json.hpp>
#include <set>

#include "driver/find/example_finder.hpp"
#include "driver/find/harvest.hpp"
#include "driver/find/zone_delimiter.hpp"

namespace bx {

std::string discover_examples(const std::vector<std::string>& files, const WorkerSetup& setup) {
  const auto delimiters = builtin_zone_delimiters();
  const auto finders = builtin_example_finders();
  std::set<std::string> languages;
  for (const auto& [language, flavor] : setup.languages) languages.insert(language);

  nlohmann::json listed = nlohmann::json::array();
  for (const auto& path : files) {
    nlohmann::json entry = {{"path", path}, {"languages", nlohmann::json::object()}};
    try {
      std::string text = read_document(path, setup.encoding);
      for (const Example& example :
           harvest(path, text, HarvestSources{&delimiters, &finders}, languages)) {
        auto& count = entry["languages"][example.language];
        count = count.is_null() ? 1 : count.get<int>() + 1;
      }
    } catch (const std::exception& error) {
      entry["error"] = error.what();
    }
    listed.push_back(std::move(entry));
  }
  return nlohmann::json{{"files", listed}}.dump() + "\n";
}

}  // namespace bx
