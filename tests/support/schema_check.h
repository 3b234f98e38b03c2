// Checks a JSON value against a schema of an OpenAPI 3.1 description: the part of JSON Schema the
// description uses (type, one or several; properties, required, additionalProperties; items;
// enum; minimum and maximum; $ref to #/components/schemas).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace opslag::testing {

/// What `value` breaks of `schema` (resolving $ref in `document`), each naming where (`at`);
/// none when it conforms.
inline std::vector<std::string> schema_violations(const nlohmann::json& value,
                                                  const nlohmann::json& schema,
                                                  const nlohmann::json& document,
                                                  const std::string& at = "$") {
  if (schema.contains("$ref")) {
    const std::string ref = schema["$ref"];
    const nlohmann::json::json_pointer pointer(ref.substr(1));  // "#/components/..."
    if (!document.contains(pointer)) return {at + ": $ref " + ref + " names nothing"};
    return schema_violations(value, document[pointer], document, at);
  }
  std::vector<std::string> out;
  if (schema.contains("type")) {
    const auto is = [&](const std::string& type) {
      if (type == "object") return value.is_object();
      if (type == "array") return value.is_array();
      if (type == "string") return value.is_string();
      if (type == "integer") return value.is_number_integer();
      if (type == "number") return value.is_number();
      if (type == "boolean") return value.is_boolean();
      if (type == "null") return value.is_null();
      return false;
    };
    bool any = false;
    for (const auto& type :
         schema["type"].is_array() ? schema["type"] : nlohmann::json::array({schema["type"]}))
      any = any || is(type.get<std::string>());
    if (!any) return {at + ": " + value.dump() + " is not of type " + schema["type"].dump()};
  }
  if (schema.contains("enum") &&
      std::find(schema["enum"].begin(), schema["enum"].end(), value) == schema["enum"].end())
    out.push_back(at + ": " + value.dump() + " is not one of " + schema["enum"].dump());
  if (value.is_number() && schema.contains("minimum") && value < schema["minimum"])
    out.push_back(at + ": " + value.dump() + " is below the minimum");
  if (value.is_number() && schema.contains("maximum") && value > schema["maximum"])
    out.push_back(at + ": " + value.dump() + " is above the maximum");
  if (value.is_object()) {
    for (const auto& name : schema.value("required", nlohmann::json::array()))
      if (!value.contains(name))
        out.push_back(at + ": the required " + name.dump() + " is missing");
    const nlohmann::json properties = schema.value("properties", nlohmann::json::object());
    for (const auto& [name, member] : value.items()) {
      std::vector<std::string> more;
      if (properties.contains(name)) {
        more = schema_violations(member, properties[name], document, at + "." + name);
      } else if (schema.contains("additionalProperties")) {
        const nlohmann::json& extra = schema["additionalProperties"];
        if (extra.is_boolean() && !extra.get<bool>())
          more.push_back(at + ": " + name + " is not described");
        else if (extra.is_object())
          more = schema_violations(member, extra, document, at + "." + name);
      }
      out.insert(out.end(), more.begin(), more.end());
    }
  }
  if (value.is_array() && schema.contains("items"))
    for (std::size_t i = 0; i < value.size(); ++i) {
      const auto more = schema_violations(value[i], schema["items"], document,
                                          at + "[" + std::to_string(i) + "]");
      out.insert(out.end(), more.begin(), more.end());
    }
  return out;
}

}  // namespace opslag::testing
