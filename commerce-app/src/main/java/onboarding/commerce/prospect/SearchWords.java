package onboarding.commerce.prospect;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the words of a search text that the trigram index is asked for: the rarest ones, until they are selective
 * enough. A GIN trigram scan costs about the size of the posting lists of all the trigrams it is given, so asking it
 * for a word most prospects share ("gmbh", "example") costs tens of milliseconds at a million prospects and narrows
 * nothing; the whole text is checked against each column anyway on the rows the index finds.
 *
 * <p>How common a word is comes from the search texts of the newest {@value #SAMPLE} prospects, read again every
 * {@link #REFRESH}. Which words are chosen changes only the speed of a search, never its result.
 */
@ApplicationScoped
public class SearchWords {

    /**
     * The column a prospect is found by (V2026_11_27_91): company, contact name and email in lower case, separated by
     * {@link #SEPARATOR}, and indexed by trigrams.
     */
    static final String DOCUMENT = "search_text";
    /** Between the columns in {@link #DOCUMENT}: a text without it found there is found in one column. */
    static final char SEPARATOR = '\u001f';
    static final int SAMPLE = 2000;
    static final Duration REFRESH = Duration.ofMinutes(10);
    /** Words are added until the share of prospects estimated to have them all is below this. */
    static final double SELECTIVE = 0.001;
    /** A word in this share of prospects or more narrows too little for what it costs. */
    static final double TOO_COMMON = 0.5;
    /** Shorter words have no trigram of their own inside a text. */
    static final int MIN_LENGTH = 3;

    private record Sample(Map<String, Integer> prospectsPerWord, int size, long readAtNanos) {
    }

    private volatile Sample sample;

    /**
     * The words of {@code text} (lower case, letters and digits) to ask the index for, rarest first; empty when no
     * word is long enough or rare enough, in which case the whole text is given to the index.
     */
    public List<String> forIndex(String text) {
        if (words(text).isEmpty()) {
            return List.of();
        }
        Sample current = current();
        return choose(text, current.prospectsPerWord(), current.size());
    }

    /** The choice of {@link #forIndex} given how many of {@code sampleSize} prospects have each word. */
    static List<String> choose(String text, Map<String, Integer> prospectsPerWord, int sampleSize) {
        List<String> words = words(text);
        Map<String, Double> share = new HashMap<>();
        for (String word : words) {
            int found = prospectsPerWord.getOrDefault(word, 0);
            // a word the sample does not hold is rarer than one in the sample, and a longer one rarer still
            share.put(word, found > 0 ? (double) found / sampleSize : 0.5 / sampleSize / word.length());
        }
        words.sort(Comparator.comparingDouble(share::get));
        List<String> chosen = new ArrayList<>();
        double estimate = 1;
        for (String word : words) {
            if (estimate <= SELECTIVE || share.get(word) >= TOO_COMMON) {
                break;
            }
            chosen.add(word);
            estimate *= share.get(word);
        }
        return chosen;
    }

    /** The distinct words of {@code text} that have a trigram of their own (runs of letters and digits, lower case). */
    static List<String> words(String text) {
        Set<String> words = new HashSet<>();
        StringBuilder word = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else {
                if (word.length() >= MIN_LENGTH) {
                    words.add(word.toString());
                }
                word.setLength(0);
            }
        }
        return new ArrayList<>(words);
    }

    private Sample current() {
        Sample current = sample;
        if (current == null || System.nanoTime() - current.readAtNanos() > REFRESH.toNanos()) {
            current = read();
            sample = current;
        }
        return current;
    }

    private static Sample read() {
        List<?> texts = Prospect.getEntityManager()
                .createNativeQuery("SELECT " + DOCUMENT + " FROM prospect ORDER BY id DESC LIMIT " + SAMPLE)
                .getResultList();
        Map<String, Integer> prospectsPerWord = new HashMap<>();
        for (Object text : texts) {
            for (String word : words((String) text)) {
                prospectsPerWord.merge(word, 1, Integer::sum);
            }
        }
        return new Sample(prospectsPerWord, Math.max(1, texts.size()), System.nanoTime());
    }
}
