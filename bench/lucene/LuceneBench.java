// lucene-bench: Lucene 8 as Elasticsearch, OpenSearch and Solr run a field with the "danish"
// analyzer, indexed and timed like xapian-reference (bench/xapian_reference.cc).
//
// index: the documents of prepare_corpus.py's pg.copy; id a stored StringField, title and body
// stored TextFields through DanishAnalyzer (standard tokenizer, lower case, Danish stop words,
// Snowball Danish) with offsets in the postings, so the highlighter need not analyse again.
// BM25 (the default). One writer thread, a 256 MB buffer (so a few segments at most, as after a
// bulk load), one commit at the end, no force-merge.
//
// query: per query, the classic MultiFieldQueryParser (OR, title boosted 3 as opslag's schema
// weights it), IndexSearcher.search top 10 (BM25, block-max WAND: Lucene does not count every
// match), and for each hit one ~240-character passage of its body from the UnifiedHighlighter
// plus its stored id and title. A query the parser rejects counts as a failure.

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** The two commands, their options, and the worker that answers a query. */
public final class LuceneBench {
  /** Characters a passage has, about as many as opslag's snippets have bytes (kLength). */
  private static final int kSnippetLength = 240;

  private static final String kUsage =
      "usage: lucene-bench index --docs PG_COPY --index DIR\n"
          + "       lucene-bench query --index DIR --queries FILE [--passes P] [--seconds S]\n"
          + "                          [--threads 2,4,8] [--max-latency-seconds S]\n"
          + "                          [--no-snippets] [--show K]";

  /** A wrong command line or a missing input: the message names it, exit status 2. */
  private static final class BadInput extends Exception {
    private static final long serialVersionUID = 1;

    BadInput(String message) {
      super(message);
    }
  }

  private LuceneBench() {}

  public static void main(String[] args) {
    try {
      if (args.length == 0) throw new BadInput(kUsage);
      final Map<String, String> options = parseOptions(Arrays.copyOfRange(args, 1, args.length));
      switch (args[0]) {
        case "index" ->
            index(Path.of(required(options, "--docs")), Path.of(required(options, "--index")));
        case "query" -> System.exit(query(options));
        default -> throw new BadInput("unknown command " + args[0] + "\n" + kUsage);
      }
    } catch (BadInput | NoSuchFileException e) {
      System.err.println("lucene-bench: " + e.getMessage());
      System.exit(2);
    } catch (Exception e) {
      System.err.println("lucene-bench: " + e);
      System.exit(2);
    }
  }

  /** "--name value" pairs and the flag --no-snippets; throws BadInput on anything else. */
  private static Map<String, String> parseOptions(String[] args) throws BadInput {
    final Set<String> known =
        Set.of("--docs", "--index", "--queries", "--passes", "--seconds", "--threads",
               "--max-latency-seconds", "--show");
    final Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < args.length; ++i) {
      if (args[i].equals("--no-snippets")) {
        out.put(args[i], "");
      } else if (!known.contains(args[i])) {
        throw new BadInput("unknown option " + args[i] + "\n" + kUsage);
      } else if (i + 1 == args.length) {
        throw new BadInput(args[i] + " needs a value");
      } else {
        out.put(args[i], args[++i]);
      }
    }
    return out;
  }

  private static String required(Map<String, String> options, String name) throws BadInput {
    final String value = options.get(name);
    if (value == null) throw new BadInput(name + " is required\n" + kUsage);
    return value;
  }

  /** title and body: analysed, stored, with positions and offsets in the postings. */
  private static FieldType textWithOffsets() {
    final FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  /** Builds a new index in `dir` from the COPY file `docs`; prints what it did as JSON. */
  private static void index(Path docs, Path dir) throws IOException, BadInput {
    if (!Files.isRegularFile(docs)) throw new BadInput(docs + ": no such documents file");
    final long start = System.nanoTime();
    final FieldType text = textWithOffsets();
    final IndexWriterConfig config = new IndexWriterConfig(new DanishAnalyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(256);
    long documents = 0;
    int segments;
    try (Directory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, config);
        BufferedReader in = Files.newBufferedReader(docs, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        final String[] fields = line.split("\t", -1);
        if (fields.length != 3)
          throw new BadInput(
              docs + " line " + (documents + 1) + ": not 3 fields (id, title, body)");
        final Document doc = new Document();
        doc.add(new StringField("id", unescapeCopy(fields[0]), Field.Store.YES));
        doc.add(new Field("title", unescapeCopy(fields[1]), text));
        doc.add(new Field("body", unescapeCopy(fields[2]), text));
        writer.addDocument(doc);
        ++documents;
      }
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        segments = reader.leaves().size();
      }
    }
    System.out.printf(Locale.ROOT, "{\"documents\":%d,\"seconds\":%.2f,\"segments\":%d}%n",
        documents, (System.nanoTime() - start) / 1e9, segments);
  }

  /** A field of PostgreSQL's COPY text format: backslash escapes undone. */
  static String unescapeCopy(String field) {
    if (field.indexOf('\\') < 0) return field;
    final StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); ++i) {
      final char c = field.charAt(i);
      if (c != '\\' || i + 1 == field.length()) {
        out.append(c);
        continue;
      }
      final char next = field.charAt(++i);
      switch (next) {
        case 't' -> out.append('\t');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'v' -> out.append('\u000b');
        default -> out.append(next); // "\\" and any other escaped character stand for themselves
      }
    }
    return out.toString();
  }

  /** Times the queries over the index; returns the timer's exit status. */
  private static int query(Map<String, String> options) throws Exception {
    final Path dir = Path.of(required(options, "--index"));
    if (!Files.isDirectory(dir)) throw new BadInput(dir + ": no such index folder");
    final LoadTimer.Options timer = new LoadTimer.Options();
    timer.queriesFile = Path.of(required(options, "--queries"));
    if (!Files.isRegularFile(timer.queriesFile))
      throw new BadInput(timer.queriesFile + ": no such queries file");
    try {
      timer.passes = Integer.parseInt(options.getOrDefault("--passes", "" + timer.passes));
      timer.seconds = Double.parseDouble(options.getOrDefault("--seconds", "" + timer.seconds));
      timer.maxLatencySeconds = Double.parseDouble(
          options.getOrDefault("--max-latency-seconds", "" + timer.maxLatencySeconds));
      timer.show = Integer.parseInt(options.getOrDefault("--show", "0"));
      if (options.containsKey("--threads"))
        timer.threads = Arrays.stream(options.get("--threads").split(","))
                            .mapToInt(Integer::parseInt)
                            .toArray();
    } catch (NumberFormatException e) {
      throw new BadInput("not a number: " + e.getMessage());
    }
    final boolean snippets = !options.containsKey("--no-snippets");
    try (Directory directory = FSDirectory.open(dir);
        DirectoryReader reader = openReader(directory, dir)) {
      // One searcher for every thread, as Lucene is meant to be used; the parser and the
      // highlighter are per worker (QueryParser is not thread-safe).
      final IndexSearcher searcher = new IndexSearcher(reader);
      final Analyzer analyzer = new DanishAnalyzer();
      return LoadTimer.run(snippets ? "lucene" : "lucene-no-snippets", timer,
          () -> new LuceneWorker(searcher, analyzer, snippets));
    }
  }

  /** The index in `directory`; throws BadInput naming `dir` if it holds none. */
  private static DirectoryReader openReader(Directory directory, Path dir)
      throws IOException, BadInput {
    try {
      return DirectoryReader.open(directory);
    } catch (IndexNotFoundException e) {
      throw new BadInput(dir + ": holds no Lucene index (lucene-bench index builds one)");
    }
  }

  /** One thread's searches: its own parser and highlighter over the shared searcher. */
  private static final class LuceneWorker implements LoadTimer.SearchWorker {
    private static final Set<String> kShown = Set.of("id", "title");
    private final IndexSearcher searcher;
    private final MultiFieldQueryParser parser;
    private final UnifiedHighlighter highlighter;
    private final boolean snippets;
    private long bytes = 0; // keeps the results from being optimised away

    LuceneWorker(IndexSearcher searcher, Analyzer analyzer, boolean snippets) {
      this.searcher = searcher;
      this.snippets = snippets;
      parser = new MultiFieldQueryParser(
          new String[] {"title", "body"}, analyzer, Map.of("title", 3f, "body", 1f));
      highlighter = new UnifiedHighlighter(searcher, analyzer);
      // The whole body, like MSet::snippet's exhaustive mode: Lucene's default stops at 10,000
      // characters, Elasticsearch's (index.highlight.max_analyzed_offset) at 1,000,000.
      highlighter.setMaxLength(Integer.MAX_VALUE - 1);
      // Passages cut at word boundaries, the one closest to 240 characters, the match a third
      // of the way in (Solr's hl.fragAlignRatio); sentence boundaries would give passages as
      // long as the debates' long sentences.
      highlighter.setBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
          BreakIterator.getWordInstance(new Locale("da")), kSnippetLength, 0.33f));
      highlighter.setFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", false));
    }

    @Override
    public int search(String query) throws Exception {
      return run(query, null);
    }

    @Override
    public String show(String query) throws Exception {
      final StringBuilder out = new StringBuilder();
      run(query, out);
      return out.toString();
    }

    /** The search; with `out`, each hit's id and snippet (or title) appended to it. */
    private int run(String query, StringBuilder out) throws Exception {
      final Query parsed = parser.parse(query);
      final TopDocs top = searcher.search(parsed, 10);
      final String[] passages = snippets ? highlighter.highlight("body", parsed, top, 1) : null;
      for (int i = 0; i < top.scoreDocs.length; ++i) {
        // Without snippets the whole stored document, as xapian-reference reads its data.
        final int docId = top.scoreDocs[i].doc;
        final Document doc = snippets ? searcher.doc(docId, kShown) : searcher.doc(docId);
        final String id = doc.get("id");
        final String shown = snippets ? passages[i] : doc.get("title");
        bytes += id.length() + (shown == null ? 0 : shown.length());
        if (out != null) out.append(id).append(": ").append(shown).append('\n');
      }
      return top.scoreDocs.length;
    }
  }
}
