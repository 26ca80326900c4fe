use ch01_threads::downloads::{Download, Page, all_at_once, one_after_another, simulate};
use grading::{Band, Gauge, OverlapProbe, ThreadSet, timed};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

/// Three downloads whose finishing order (photo, song, report) is not their
/// input order, so returning pages as they finish shows.
fn three() -> Vec<Download> {
    vec![
        Download::new("report.pdf", 60),
        Download::new("photo.jpg", 20),
        Download::new("song.mp3", 40),
    ]
}

/// More downloads than a small pool of threads would start at once.
fn eight() -> Vec<Download> {
    (1..=8)
        .map(|i| Download::new(&format!("part-{i}.zip"), 10))
        .collect()
}

/// The same file asked for twice, around another one.
fn with_a_repeat() -> Vec<Download> {
    vec![
        Download::new("notes.txt", 0),
        Download::new("song.mp3", 0),
        Download::new("notes.txt", 0),
    ]
}

fn names(pages: &[Page]) -> Vec<&str> {
    pages.iter().map(|page| page.name.as_str()).collect()
}

fn instant(download: &Download) -> Page {
    simulate(&Download {
        takes: Duration::ZERO,
        ..download.clone()
    })
}

grading::graded! {
    fn one_after_another_returns_every_page_in_input_order() {
        let downloads = three();
        let pages = one_after_another(&downloads, instant);
        let expected: Vec<Page> = downloads.iter().map(instant).collect();
        assert_eq!(
            pages, expected,
            "one_after_another returns the page fetch gave for each download, in the order of the downloads"
        );
        // The simulated page holds a kibibyte per letter of its name.
        assert!(
            pages.iter().all(|page| page.bytes == page.name.len() * 1024),
            "each page is returned as fetch made it, a kibibyte per letter of its name: {pages:?}"
        );
    }

    fn one_after_another_fetches_one_at_a_time_on_the_calling_thread() {
        let (gauge, threads) = (Gauge::new(), ThreadSet::new());
        let caller = thread::current().id();
        one_after_another(&three(), |download| {
            let _inside = gauge.enter();
            threads.record();
            simulate(download)
        });
        assert_eq!(gauge.entries(), 3, "every download is fetched once");
        assert_eq!(gauge.peak(), 1, "one after another means never two at once");
        assert!(threads.len() == 1 && threads.contains(caller), "fetch on the calling thread");
    }

    fn one_after_another_takes_the_sum_of_the_times() {
        let (_, took) = timed(|| one_after_another(&three(), simulate));
        Band::around(Duration::from_millis(60 + 20 + 40)).assert_contains("one after another", took);
    }

    fn all_at_once_returns_every_page_in_input_order() {
        let pages = all_at_once(&three(), simulate);
        assert_eq!(
            names(&pages),
            ["report.pdf", "photo.jpg", "song.mp3"],
            "pages come back in the order of the downloads, not the order they finished"
        );
        let expected: Vec<Page> = three().iter().map(instant).collect();
        assert_eq!(pages, expected, "all_at_once returns the page fetch gave for each download, unchanged");
        insta::assert_debug_snapshot!("all_at_once_pages", pages);
    }

    fn all_at_once_runs_the_downloads_at_the_same_time() {
        let probe = OverlapProbe::new(3);
        all_at_once(&three(), |download| {
            probe.arrive();
            simulate(download)
        });
        probe.assert_overlapped("all_at_once");
    }

    fn all_at_once_uses_a_thread_per_download() {
        let threads = ThreadSet::new();
        let caller = thread::current().id();
        all_at_once(&three(), |download| {
            threads.record();
            instant(download)
        });
        assert_eq!(threads.len(), 3, "one thread for each of the three downloads");
        assert!(!threads.contains(caller), "no download runs on the calling thread");
    }

    fn all_at_once_takes_about_the_longest_time() {
        let (_, took) = timed(|| all_at_once(&three(), simulate));
        Band::around(Duration::from_millis(60)).assert_contains("all at once", took);
    }

    fn all_at_once_starts_every_download_before_waiting_for_any() {
        let downloads = eight();
        let probe = OverlapProbe::new(downloads.len());
        all_at_once(&downloads, |download| {
            probe.arrive();
            instant(download)
        });
        probe.assert_overlapped("all_at_once with eight downloads");
    }

    fn a_repeated_download_is_fetched_and_returned_each_time() {
        let downloads = with_a_repeat();
        let expected = ["notes.txt", "song.mp3", "notes.txt"];

        let fetches = AtomicUsize::new(0);
        let counting = |download: &Download| {
            fetches.fetch_add(1, Ordering::SeqCst);
            instant(download)
        };
        let pages = one_after_another(&downloads, counting);
        assert_eq!(names(&pages), expected, "one_after_another: one page per download, repeats too");
        assert_eq!(fetches.swap(0, Ordering::SeqCst), 3, "one_after_another fetches every download");

        let pages = all_at_once(&downloads, counting);
        assert_eq!(names(&pages), expected, "all_at_once: one page per download, repeats too");
        assert_eq!(fetches.load(Ordering::SeqCst), 3, "all_at_once fetches every download");
    }

    fn a_download_that_panics_is_not_left_out_silently() {
        let downloads = three();
        // A working call first: the failing one below must not pass by accident.
        assert_eq!(
            all_at_once(&downloads, instant).len(),
            3,
            "all_at_once returns one page for each of the 3 downloads when no fetch fails"
        );
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            all_at_once(&downloads, |download| {
                if download.name == "photo.jpg" {
                    panic!("connection reset while fetching photo.jpg");
                }
                instant(download)
            })
        }));
        if let Ok(pages) = outcome {
            panic!(
                "the fetch of photo.jpg panicked, but all_at_once returned normally with {:?}: \
                 a failed download must make all_at_once panic, not go missing",
                names(&pages)
            );
        }
    }

    fn no_downloads_give_no_pages() {
        assert!(one_after_another(&[], simulate).is_empty(), "one_after_another of no downloads gives no pages");
        assert!(all_at_once(&[], simulate).is_empty(), "all_at_once of no downloads gives no pages");
    }
}
