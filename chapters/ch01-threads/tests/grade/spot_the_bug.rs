use ch01_threads::spot_the_bug::{Status, check_all};
use grading::{Band, OverlapProbe, ThreadSet, timed};
use std::thread;
use std::time::Duration;

const HOSTS: [&str; 4] = ["slow.example", "db.internal", "cache", "api.example"];

/// "slow.example" answers last, so statuses returned as they finish show.
fn answers(host: &str) -> bool {
    if host == "slow.example" {
        thread::sleep(Duration::from_millis(40));
    }
    host.ends_with(".example")
}

grading::graded! {
    fn every_host_is_reported_in_input_order() {
        let statuses = check_all(&HOSTS, answers);
        let expected: Vec<Status> = HOSTS
            .iter()
            .map(|&host| Status { host: host.to_owned(), up: host.ends_with(".example") })
            .collect();
        assert_eq!(
            statuses, expected,
            "check_all returns one status per host, in the order of the hosts, not the order the checks finished"
        );
    }

    fn the_checks_run_at_the_same_time() {
        let probe = OverlapProbe::new(HOSTS.len());
        check_all(&HOSTS, |host| {
            probe.arrive();
            answers(host)
        });
        probe.assert_overlapped("check_all");
    }

    fn each_host_is_checked_on_a_thread_of_its_own() {
        let threads = ThreadSet::new();
        check_all(&HOSTS, |host| {
            threads.record();
            answers(host)
        });
        assert_eq!(threads.len(), HOSTS.len(), "each of the {} hosts is checked on a thread of its own", HOSTS.len());
        assert!(
            !threads.contains(thread::current().id()),
            "no host is checked on the thread that called check_all"
        );
    }

    fn check_all_takes_about_as_long_as_the_slowest_check() {
        let names: Vec<String> = (1..=12).map(|i| format!("host-{i}.example")).collect();
        let hosts: Vec<&str> = names.iter().map(String::as_str).collect();
        let check = |_: &str| {
            thread::sleep(Duration::from_millis(50));
            true
        };
        let (statuses, took) = timed(|| check_all(&hosts, check));
        assert_eq!(statuses.len(), hosts.len(), "check_all returns one status for each of the {} hosts", hosts.len());
        Band::around(Duration::from_millis(50))
            .assert_contains("check_all of twelve hosts that each take 50 ms", took);
    }

    fn no_hosts_means_no_statuses() {
        assert!(check_all(&[], answers).is_empty(), "no hosts give no statuses");
    }
}
