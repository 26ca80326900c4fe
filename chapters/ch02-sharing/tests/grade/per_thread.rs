use ch02_sharing::per_thread::{count_words, note, take_this_threads_counts};
use grading::{OverlapProbe, ThreadSet};
use std::collections::HashMap;
use std::thread;

/// A map of word counts, written out.
fn counts(pairs: &[(&str, u64)]) -> HashMap<String, u64> {
    pairs
        .iter()
        .map(|&(word, n)| (word.to_owned(), n))
        .collect()
}

/// The expected counts of `texts`, counted here one word at a time.
fn counted_here(texts: &[String]) -> HashMap<String, u64> {
    let mut expected = HashMap::new();
    for word in texts.iter().flat_map(|text| text.split_whitespace()) {
        *expected.entry(word.to_owned()).or_insert(0) += 1;
    }
    expected
}

/// Ten texts whose words recur across texts, so every thread's part shares
/// words with the others'.
fn ten_texts() -> Vec<String> {
    (0..10)
        .map(|i| {
            let mut words = vec!["the".to_owned(); i + 1];
            words.push(format!("text{i}"));
            words.extend(["cat", "sat", "on", "the", "mat"].map(str::to_owned));
            if i.is_multiple_of(3) {
                words.push("three".to_owned());
            }
            words.join(" ")
        })
        .collect()
}

/// A text that reports which thread reads it, and waits at a probe there,
/// so a test sees whether the threads read at the same time.
struct Watched<'a> {
    text: String,
    probe: &'a OverlapProbe,
    readers: &'a ThreadSet,
}

impl AsRef<str> for Watched<'_> {
    fn as_ref(&self) -> &str {
        self.readers.record();
        self.probe.arrive();
        &self.text
    }
}

grading::graded! {
    fn two_threads_noting_at_once_each_take_only_their_own() {
        // Both note, meet at the probe, then both take: with counts shared
        // between threads, one would take the other's words too.
        let probe = OverlapProbe::new(2);
        let (apples, pears) = thread::scope(|scope| {
            let apples = scope.spawn(|| {
                for _ in 0..3 {
                    note("apple");
                }
                probe.arrive();
                take_this_threads_counts()
            });
            let pears = scope.spawn(|| {
                note("pear");
                note("pear");
                note("plum");
                probe.arrive();
                take_this_threads_counts()
            });
            (apples.join().unwrap(), pears.join().unwrap())
        });
        probe.assert_overlapped("the test's two noting threads");
        assert_eq!(apples, counts(&[("apple", 3)]), "the thread that noted apple three times takes only its own counts");
        assert_eq!(
            pears,
            counts(&[("pear", 2), ("plum", 1)]),
            "the thread that noted pear twice and plum once takes only its own counts"
        );
        assert_eq!(take_this_threads_counts(), HashMap::new(), "the test's own thread noted nothing, so it takes nothing");
    }

    fn take_returns_this_threads_counts_and_resets_them() {
        note("a");
        note("b");
        note("a");
        assert_eq!(take_this_threads_counts(), counts(&[("a", 2), ("b", 1)]), "a, b, a noted: a twice, b once");
        assert_eq!(take_this_threads_counts(), HashMap::new(), "a second take finds nothing: take resets the counts");
        note("a");
        assert_eq!(take_this_threads_counts(), counts(&[("a", 1)]), "after a take, counting starts again from zero");
        let elsewhere = thread::spawn(take_this_threads_counts).join().unwrap();
        assert_eq!(elsewhere, HashMap::new(), "a thread that noted nothing takes nothing");
    }

    fn count_words_counts_every_word_exactly() {
        let texts = ten_texts();
        let expected = counted_here(&texts);
        for threads in [4, 3, 1] {
            assert_eq!(
                count_words(&texts, threads),
                expected,
                "count_words of ten texts over {threads} threads: every word of every text, added up over the threads"
            );
        }
    }

    fn count_words_reads_on_every_thread_at_the_same_time() {
        const THREADS: usize = 4;
        let (probe, readers) = (OverlapProbe::new(THREADS), ThreadSet::new());
        let texts: Vec<String> = (0..12).map(|i| format!("word{} shared shared", i % 5)).collect();
        let watched: Vec<Watched<'_>> = texts
            .iter()
            .map(|text| Watched { text: text.clone(), probe: &probe, readers: &readers })
            .collect();
        let caller = thread::current().id();
        let got = count_words(&watched, THREADS);
        probe.assert_overlapped("count_words: the threads read their texts");
        assert_eq!(readers.len(), THREADS, "12 texts over {THREADS} threads: {THREADS} threads read them");
        assert!(!readers.contains(caller), "the worker threads read the texts, not the caller");
        assert_eq!(got, counted_here(&texts), "count_words of twelve texts over {THREADS} threads");
    }

    fn count_words_never_starts_more_threads_than_asked() {
        // Ten texts do not divide into four equal runs: still at most four
        // threads read them. (A probe for one never waits.)
        let (probe, readers) = (OverlapProbe::new(1), ThreadSet::new());
        let texts: Vec<String> = (0..10).map(|i| format!("w{i} common")).collect();
        let watched: Vec<Watched<'_>> = texts
            .iter()
            .map(|text| Watched { text: text.clone(), probe: &probe, readers: &readers })
            .collect();
        let got = count_words(&watched, 4);
        assert!(
            (1..=4).contains(&readers.len()),
            "10 texts over 4 threads are read by at most 4 threads, not {}",
            readers.len()
        );
        assert_eq!(got, counted_here(&texts), "count_words of ten texts over 4 threads");
    }

    fn count_words_splits_on_every_kind_of_whitespace() {
        let texts = ["  one\ttwo\n", "two\r\nthree   three", "", " \t\n ", "four\u{3000}five"];
        assert_eq!(
            count_words(&texts, 2),
            counts(&[("one", 1), ("two", 2), ("three", 2), ("four", 1), ("five", 1)]),
            "words are separated by runs of any whitespace (spaces, tabs, newlines, an ideographic space), and blank texts have none"
        );
        assert_eq!(
            count_words(&["Cat cat, cat"], 1),
            counts(&[("Cat", 1), ("cat,", 1), ("cat", 1)]),
            "words are counted exactly as written: case and punctuation kept"
        );
    }

    fn count_words_handles_no_texts_and_more_threads_than_texts() {
        assert_eq!(count_words::<&str>(&[], 4), HashMap::new(), "no texts over 4 threads: no words");
        assert_eq!(
            count_words(&["a b", "b"], 8),
            counts(&[("a", 1), ("b", 2)]),
            "two texts over 8 threads: every word still counted once"
        );
        assert_eq!(
            count_words(&[String::from("x y x")], 3),
            counts(&[("x", 2), ("y", 1)]),
            "one text (a String) over 3 threads"
        );
    }

    fn count_words_leaves_the_callers_own_counts_alone() {
        note("stray");
        assert_eq!(
            count_words(&["stray words", "words"], 2),
            counts(&[("stray", 1), ("words", 2)]),
            "count_words counts only its texts, not what the caller's thread had noted before"
        );
        assert_eq!(
            take_this_threads_counts(),
            counts(&[("stray", 1)]),
            "the caller's own counts are as they were before count_words"
        );
    }
}
