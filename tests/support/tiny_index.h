// A tiny Danish corpus, indexed into a temporary database, for the search and HTTP tests.
#pragma once

#include <sstream>
#include <string>

#include "indexer/index_updater.h"
#include "tests/support/temp_dir.h"

namespace opslag::testing {

/// Writes a handful of one-paragraph documents and indexes them; the database is removed with
/// the object. Ids are the file names.
class TinyIndex {
 public:
  TinyIndex() {
    corpus_.write("nemid.txt",
                  "NemID lanceres\n\n01-07-2010 Pressemeddelelse\n\nNemID afløser den digitale "
                  "signatur. Med NemID logger borgerne på hos bank og det offentlige.\n\n"
                  "Kilde: IT- og Telestyrelsen\n");
    corpus_.write(
        "digital-post.txt",
        "Digital Post bliver obligatorisk\n\n01-11-2014 Nyhed\n\nFra i dag modtager "
        "borgerne breve fra det offentlige i Digital Post.\n\nKilde: Digitaliseringsstyrelsen\n");
    corpus_.write("postkasse.txt",
                  "Postkassen på hjørnet fjernes\n\n12-03-2015 Nyhed\n\nDer kommer færre breve med "
                  "posten, og mange postkasser forsvinder.\n\nKilde: KL\n");
    corpus_.write("digitale-borgere.txt",
                  "Danskerne er digitale borgere\n\n05-06-2012 Artikel\n\nNæsten alle bruger nu "
                  "digitale løsninger og digital selvbetjening.\n\nKilde: Danske Regioner\n");
    corpus_.write(
        "strategi.txt",
        "Ny fællesoffentlig strategi\n\n12-05-2016 Klumme\n\nStrategien gælder for 2016-2020 "
        "og bygger på de tidligere strategier.\n\nKilde: Digitaliseringsstyrelsen\n");
    corpus_.write("xss.txt",
                  "Sikkerhed på hjemmesider\n\n02-02-2020 Notat\n\nEn side må aldrig vise "
                  "<script>alert(1)</script> som kode, men altid som tekst & tegn.\n\n"
                  "Kilde: Digitaliseringsstyrelsen\n");
    corpus_.write("selvbetjening.txt",
                  "Selvbetjening på nettet vokser\n\n03-03-2013 Nyhed\n\nFlere ansøgninger sendes "
                  "nu over internettet end på papir.\n\nKilde: KL\n");
    reindex();
  }

  /// How many documents the constructor writes.
  static constexpr int kDocuments = 7;

  /// Writes `content` as corpus file `name` (for tests that change the corpus).
  void write(const std::string& name, const std::string& content) { corpus_.write(name, content); }

  /// Brings the database in line with the corpus folder.
  IndexSummary reindex() {
    std::ostringstream errors;
    IndexUpdater updater(project_schema(), analyzer_, db_path(), errors);
    return updater.run({corpus_.path()});
  }

  [[nodiscard]] std::string db_path() const { return (data_.path() / "db").string(); }
  [[nodiscard]] const DanishAnalyzer& analyzer() const { return analyzer_; }

 private:
  DanishAnalyzer analyzer_{project_schema()};
  TempDir corpus_;
  TempDir data_;
};

}  // namespace opslag::testing
