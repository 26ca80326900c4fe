//! The book's measured tables and plots, drawn from the CSV files under
//! `book/src/measurements/`.
//!
//! The benchmark programs and the Python scripts write CSV with the columns
//! `group,case,param,ms` (see `grading::Measurements`); this module turns
//! them into Markdown tables and SVG plots (`plotters`, with its built-in
//! text layout, so no fonts are needed and the output is the same on every
//! machine). `cargo xtask bench` writes what [`render`] returns, and
//! `verify` checks that the files on disk are exactly that: no number in a
//! table or plot that a CSV file did not produce.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result, anyhow};
use plotters::prelude::*;

use crate::course::Course;
use crate::generated::{self, Generated};

/// The folder of the CSV files and what is drawn from them.
pub const DIR: &str = "book/src/measurements";

/// One CSV file's measurements: `(group, case, param)` to milliseconds.
#[derive(Debug, Default)]
pub struct Data {
    values: BTreeMap<(String, String, u64), f64>,
}

impl Data {
    /// Reads `<DIR>/<name>.csv`; a missing file is empty data.
    pub fn load(root: &Path, name: &str) -> Result<Data> {
        let path = root.join(DIR).join(format!("{name}.csv"));
        match fs::read_to_string(&path) {
            Ok(text) => Data::parse(&text).with_context(|| format!("in {}", path.display())),
            Err(_) => Ok(Data::default()),
        }
    }

    fn parse(text: &str) -> Result<Data> {
        let mut data = Data::default();
        for (number, line) in text.lines().enumerate().skip(1) {
            let fields: Vec<&str> = line.split(',').collect();
            let [group, case, param, ms] = fields[..] else {
                return Err(anyhow!("line {}: expected group,case,param,ms", number + 1));
            };
            let param = param
                .parse()
                .map_err(|_| anyhow!("line {}: param `{param}`", number + 1))?;
            let ms = ms
                .parse()
                .map_err(|_| anyhow!("line {}: ms `{ms}`", number + 1))?;
            data.values
                .insert((group.to_owned(), case.to_owned(), param), ms);
        }
        Ok(data)
    }

    pub fn get(&self, group: &str, case: &str, param: u64) -> Option<f64> {
        self.values
            .get(&(group.to_owned(), case.to_owned(), param))
            .copied()
    }

    /// The `(param, ms)` points of one case, by param.
    pub fn series(&self, group: &str, case: &str) -> Vec<(u64, f64)> {
        self.values
            .iter()
            .filter(|((g, c, _), _)| g == group && c == case)
            .map(|((_, _, p), ms)| (*p, *ms))
            .collect()
    }

    /// Speed-ups over the case's first point (its smallest param).
    pub fn speedups(&self, group: &str, case: &str) -> Vec<(u64, f64)> {
        let series = self.series(group, case);
        let Some(&(_, base)) = series.first() else {
            return Vec::new();
        };
        series.iter().map(|&(p, ms)| (p, base / ms)).collect()
    }
}

/// A chapter's tables and plots, and the CSV files they were drawn from.
#[derive(Debug, Default)]
pub struct Drawing {
    pub files: Vec<Generated>,
    /// File names under [`DIR`].
    pub sources: Vec<String>,
}

/// Every table and plot of `chapter` (a chapter id), drawn from the CSV
/// files as they are now; empty for a chapter without measurements.
pub fn render(root: &Path, chapter: &str) -> Result<Drawing> {
    let sources = RefCell::new(Vec::new());
    let load = |name: &str| {
        sources.borrow_mut().push(format!("{name}.csv"));
        Data::load(root, name)
    };
    let mut files = Vec::new();
    let mut add = |name: &str, contents: String| {
        files.push(Generated {
            path: Path::new(DIR).join(name),
            contents,
        })
    };
    match chapter {
        "ch01-threads" => {
            let (rust, python) = (load("ch01-cost")?, load("ch01-python")?);
            add("ch01-cost.md", tables::ch01(&rust, &python));
            add(
                "ch01-collatz.svg",
                speedup_plot(
                    "CPU-bound work on threads: speed-up over one thread",
                    &[
                        ("Rust threads", rust.speedups("collatz", "rust")),
                        ("CPython threads", python.speedups("collatz", "python")),
                    ],
                )?,
            );
        }
        "ch03-locks" => {
            let data = load("ch03-granularity")?;
            add("ch03-granularity.md", tables::ch03(&data));
            add("myth-L7.md", tables::myth_l7(&data));
            add(
                "ch03-granularity.svg",
                bar_plot(
                    "Summing 1..=1 000 000 on 2 threads (ms, shorter is better)",
                    &tables::CH03_SUM
                        .iter()
                        .filter_map(|(case, label)| Some((*label, data.get("sum", case, 2)?)))
                        .collect::<Vec<_>>(),
                )?,
            );
        }
        "ch05-condvars" => {
            let data = load("ch05-queues")?;
            add("ch05-queues.md", tables::ch05(&data));
            let throughput = |case: &str| -> Vec<(u64, f64)> {
                data.series("move_100k", case)
                    .into_iter()
                    .map(|(capacity, ms)| (capacity, 100_000.0 / ms / 1e3))
                    .collect()
            };
            add(
                "ch05-queues.svg",
                line_plot(
                    LinePlot {
                        title: "Moving 100 000 items, one producer, one consumer",
                        x_desc: "capacity of the queue (slots)",
                        y_desc: "million items per second (higher is better)",
                        log_x: true,
                    },
                    &[
                        (
                            "crossbeam_channel::bounded",
                            throughput("crossbeam_bounded"),
                        ),
                        (
                            "std::sync::mpsc::sync_channel",
                            throughput("std_sync_channel"),
                        ),
                        ("this chapter's BoundedQueue", throughput("bounded_queue")),
                    ],
                )?,
            );
        }
        "ch07-pools" => {
            let (rust, python) = (load("ch07-pools")?, load("ch07-python")?);
            add("ch07-pools.md", tables::ch07(&rust, &python));
            add("ch07-many-waits.md", tables::many_waits(&rust, &python));
            add("myth-P6.md", tables::myth_p6(&rust, &python));
            add("myth-P7.md", tables::myth_p7(&rust, &python));
            add(
                "ch07-waits.svg",
                line_plot(
                    LinePlot {
                        title: "100 waits of 10 ms on a pool",
                        x_desc: "workers",
                        y_desc: "ms to finish all (lower is better)",
                        log_x: true,
                    },
                    &[
                        (
                            "this chapter's ThreadPool",
                            rust.series("waits", "our_pool"),
                        ),
                        (
                            "CPython ThreadPool.map",
                            python.series("waits", "python_threadpool"),
                        ),
                        (
                            "1000 ms / workers",
                            rust.series("waits", "our_pool")
                                .iter()
                                .map(|&(w, _)| (w, 1000.0 / w as f64))
                                .collect(),
                        ),
                    ],
                )?,
            );
            add(
                "ch07-map.svg",
                line_plot(
                    LinePlot {
                        title: "Squaring a million numbers with a chunked map",
                        x_desc: "workers",
                        y_desc: "ms (lower is better)",
                        log_x: true,
                    },
                    &[
                        (
                            "this chapter's map_chunked",
                            rust.series("map_1m", "chunked"),
                        ),
                        (
                            "CPython ThreadPool.map",
                            python.series("map_1m", "python_chunked"),
                        ),
                    ],
                )?,
            );
        }
        "ch08-processes" => {
            let (rust, python) = (load("ch08-costs")?, load("ch08-python")?);
            add("ch08-costs.md", tables::ch08(&rust, &python));
        }
        "ch09-gil" => {
            let (rust, python) = (load("ch09-experiment")?, load("ch09-python")?);
            let contention = load("ch09-contention")?;
            add("ch09-gil.md", tables::ch09(&rust, &python, &contention));
            add("myth-G3.md", tables::myth_g3(&rust, &python));
            for (workload, title) in [
                ("cpu", "CPU-bound threads: speed-up over one thread"),
                ("io", "I/O-bound threads: speed-up over one thread"),
            ] {
                add(
                    &format!("ch09-gil-{workload}.svg"),
                    speedup_plot(
                        title,
                        &[
                            ("Rust, our GIL", rust.speedups(workload, "rust_gil")),
                            ("Rust, no GIL", rust.speedups(workload, "rust_no_gil")),
                            ("CPython, its GIL", python.speedups(workload, "python_gil")),
                        ],
                    )?,
                );
            }
            add(
                "ch09-convoy.svg",
                line_plot(
                    LinePlot {
                        title: "The convoy: an I/O thread's wait for the GIL after each wake-up",
                        x_desc: "switch interval (ms)",
                        y_desc: "wait (ms)",
                        log_x: false,
                    },
                    &[
                        ("median wait", rust.series("convoy", "median_wait")),
                        ("longest wait", rust.series("convoy", "longest_wait")),
                    ],
                )?,
            );
            add(
                "ch09-contention.svg",
                bar_plot(
                    "One total of 10 000 000 numbers on 2 threads (ms, shorter is better)",
                    &tables::CH09_TOTAL
                        .iter()
                        .filter_map(|(case, label)| {
                            Some((*label, contention.get("total", case, 2)?))
                        })
                        .collect::<Vec<_>>(),
                )?,
            );
        }
        _ => {}
    }
    Ok(Drawing {
        files,
        sources: sources.into_inner(),
    })
}

/// The tables and plots on disk that differ from what the CSV files give
/// now, and files in [`DIR`] that nothing writes any more.
pub fn stale(root: &Path, course: &Course) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut known = Vec::new();
    for chapter in course.built() {
        let drawing = render(root, &chapter.id)?;
        if drawing.files.is_empty() {
            continue;
        }
        problems.extend(generated::stale(
            root,
            &drawing.files,
            "its CSV files",
            "cargo xtask bench --render",
        ));
        known.push(format!("{}-run.md", chapter.id));
        known.extend(drawing.sources);
        known.extend(
            drawing
                .files
                .iter()
                .filter_map(|file| Some(file.path.file_name()?.to_string_lossy().into_owned())),
        );
    }
    for entry in fs::read_dir(root.join(DIR))? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if !known.contains(&name) {
            problems.push(format!(
                "{DIR}/{name}: no benchmark, script or figure writes it; delete it, or draw it in xtask/src/figures.rs"
            ));
        }
    }
    Ok(problems)
}

const COLOURS: [RGBColor; 4] = [
    RGBColor(0x1f, 0x77, 0xb4),
    RGBColor(0xd6, 0x27, 0x28),
    RGBColor(0x2c, 0xa0, 0x2c),
    RGBColor(0x7f, 0x7f, 0x7f),
];

fn plot_error(error: impl std::fmt::Debug) -> anyhow::Error {
    anyhow!("cannot draw the plot: {error:?}")
}

struct LinePlot<'a> {
    title: &'a str,
    x_desc: &'a str,
    y_desc: &'a str,
    log_x: bool,
}

/// Speed-up over one thread against threads, with the ideal line.
fn speedup_plot(title: &str, series: &[(&str, Vec<(u64, f64)>)]) -> Result<String> {
    let threads: Vec<u64> = series
        .iter()
        .flat_map(|(_, points)| points.iter().map(|&(t, _)| t))
        .collect();
    let ideal = threads
        .iter()
        .copied()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|t| (t, t as f64))
        .collect();
    let mut all: Vec<(&str, Vec<(u64, f64)>)> = series.to_vec();
    all.push(("ideal: the number of threads", ideal));
    line_plot(
        LinePlot {
            title,
            x_desc: "threads",
            y_desc: "speed-up (higher is better)",
            log_x: false,
        },
        &all,
    )
}

/// Lines through points; the last series is drawn dashed-grey as a guide
/// when it is named like one ("ideal", "/ workers").
fn line_plot(plot: LinePlot, series: &[(&str, Vec<(u64, f64)>)]) -> Result<String> {
    let points = || series.iter().flat_map(|(_, p)| p.iter().copied());
    let x_max = points().map(|(x, _)| x).max().unwrap_or(1).max(1) as f64;
    let y_max = points().map(|(_, y)| y).fold(0.0, f64::max).max(1e-9) * 1.15;
    // The legend goes where the first curve is not: top right for a curve
    // that falls, top left for one that rises.
    let falling = series
        .first()
        .is_some_and(|(_, p)| match (p.first(), p.last()) {
            (Some(first), Some(last)) => last.1 < first.1,
            _ => false,
        });
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (720, 420)).into_drawing_area();
        root.fill(&WHITE).map_err(plot_error)?;
        let mut builder = ChartBuilder::on(&root);
        builder
            .caption(plot.title, ("sans-serif", 20))
            .margin(16)
            .x_label_area_size(48)
            .y_label_area_size(64);
        let ticks: Vec<u64> = {
            let mut t: Vec<u64> = points().map(|(x, _)| x).collect();
            t.sort_unstable();
            t.dedup();
            t
        };
        // Thread counts and capacities grow by factors, so a "log" plot
        // spaces the measured values evenly, each at its index, and names
        // them on the axis; a linear plot puts each at its value.
        let to_x = |x: u64| -> i32 {
            if plot.log_x {
                ticks.iter().position(|&t| t == x).unwrap_or(0) as i32
            } else {
                x as i32
            }
        };
        let (lo, hi) = if plot.log_x {
            (-1, ticks.len() as i32)
        } else {
            (0, x_max as i32 + 1)
        };
        let mut chart = builder
            .build_cartesian_2d(lo..hi, 0.0..y_max)
            .map_err(plot_error)?;
        let label = |v: &i32| -> String {
            match usize::try_from(*v) {
                Ok(i) if plot.log_x => ticks.get(i).map(u64::to_string).unwrap_or_default(),
                Ok(_) if *v >= 1 => v.to_string(),
                _ => String::new(),
            }
        };
        chart
            .configure_mesh()
            .x_desc(plot.x_desc)
            .y_desc(plot.y_desc)
            .x_labels(((hi - lo + 1) as usize).min(12))
            .x_label_formatter(&label)
            .y_label_formatter(&|v| format!("{v:.1}"))
            .light_line_style(WHITE.mix(0.0))
            .draw()
            .map_err(plot_error)?;
        for (index, (name, points)) in series.iter().enumerate() {
            let guide = name.starts_with("ideal") || name.contains(" / ");
            let colour = if guide {
                COLOURS[3]
            } else {
                COLOURS[index % 3]
            };
            // Earlier series are drawn wider, so a later one that lies on top
            // of one (our GIL under CPython's) leaves it showing at the edges.
            let width = if guide { 1 } else { 4 - index.min(2) as u32 };
            let style = colour.stroke_width(width);
            let xy: Vec<(i32, f64)> = points.iter().map(|&(x, y)| (to_x(x), y)).collect();
            chart
                .draw_series(LineSeries::new(xy.clone(), style))
                .map_err(plot_error)?
                .label(*name)
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], style));
            if !guide {
                chart
                    .draw_series(
                        xy.iter()
                            .map(|&p| Circle::new(p, width + 1, colour.filled())),
                    )
                    .map_err(plot_error)?;
            }
        }
        chart
            .configure_series_labels()
            .position(if falling {
                SeriesLabelPosition::UpperRight
            } else {
                SeriesLabelPosition::UpperLeft
            })
            .background_style(WHITE.mix(0.9))
            .border_style(BLACK.mix(0.3))
            .draw()
            .map_err(plot_error)?;
        root.present().map_err(plot_error)?;
    }
    Ok(svg)
}

/// Horizontal bars, one per `(label, ms)`, longest last.
fn bar_plot(title: &str, bars: &[(&str, f64)]) -> Result<String> {
    let x_max = bars.iter().map(|(_, v)| *v).fold(0.0, f64::max).max(1e-9) * 1.2;
    let rows = bars.len().max(1);
    let mut svg = String::new();
    {
        let height = 90 + 44 * rows as u32;
        let root = SVGBackend::with_string(&mut svg, (720, height)).into_drawing_area();
        root.fill(&WHITE).map_err(plot_error)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(title, ("sans-serif", 18))
            .margin(16)
            .x_label_area_size(32)
            .y_label_area_size(0)
            .build_cartesian_2d(0.0..x_max, 0.0..rows as f64)
            .map_err(plot_error)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .disable_y_axis()
            .x_label_formatter(&|v| format!("{v:.0}"))
            .light_line_style(WHITE.mix(0.0))
            .draw()
            .map_err(plot_error)?;
        for (index, (label, value)) in bars.iter().enumerate() {
            let top = (rows - index) as f64 - 0.15;
            let bottom = top - 0.7;
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(0.0, bottom), (*value, top)],
                    COLOURS[0].mix(0.35).filled(),
                )))
                .map_err(plot_error)?;
            chart
                .draw_series(std::iter::once(Text::new(
                    format!("{label}: {}", ms(*value)),
                    (x_max * 0.01, top - 0.2),
                    ("sans-serif", 15).into_font().color(&BLACK),
                )))
                .map_err(plot_error)?;
        }
        root.present().map_err(plot_error)?;
    }
    Ok(svg)
}

/// A duration in ms, with as many digits as it deserves.
pub fn ms(value: f64) -> String {
    if value >= 100.0 {
        format!("{value:.0} ms")
    } else if value >= 1.0 {
        format!("{value:.1} ms")
    } else if value >= 0.001 {
        format!("{:.1} µs", value * 1e3)
    } else {
        format!("{:.1} ns", value * 1e6)
    }
}

/// A ratio, as `3.1×`.
pub fn times(ratio: f64) -> String {
    if ratio >= 10.0 {
        format!("{ratio:.0}×")
    } else {
        format!("{ratio:.2}×")
    }
}

mod tables {
    //! The Markdown tables, one function per chapter. Every number in them
    //! comes from the CSV files; a missing measurement shows as "–".

    use super::{Data, ms, times};
    use std::fmt::Write as _;

    fn cell(value: Option<f64>, show: impl Fn(f64) -> String) -> String {
        value.map_or_else(|| "–".to_owned(), show)
    }

    /// Rows of `| label | Rust's time | CPython's time |`, each naming its
    /// case in the two CSV files ("" for none) within one group and param.
    fn side_by_side(
        t: &mut String,
        (rust, python): (&Data, &Data),
        (group, param): (&str, u64),
        rows: &[(&str, &str, &str)],
    ) {
        for (label, rust_case, python_case) in rows {
            let _ = writeln!(
                t,
                "| {label} | {} | {} |",
                cell(rust.get(group, rust_case, param), ms),
                cell(python.get(group, python_case, param), ms)
            );
        }
    }

    pub fn ch01(rust: &Data, python: &Data) -> String {
        let mut t = String::from("| measurement | Rust | CPython |\n|---|---|---|\n");
        let rows = [
            ("a plain function call", "plain_call", "python_plain_call"),
            (
                "start and join one thread",
                "spawn_and_join",
                "python_spawn_and_join",
            ),
            (
                "start and join one scoped thread",
                "scoped_spawn_and_join",
                "",
            ),
        ];
        side_by_side(&mut t, (rust, python), ("spawn", 0), &rows);
        let (rs, ps) = (
            rust.speedups("collatz", "rust"),
            python.speedups("collatz", "python"),
        );
        for threads in [1, 2, 4] {
            let show = |data: &Data, case: &str, speedups: &[(u64, f64)]| {
                let speedup = speedups.iter().find(|(t, _)| *t == threads).map(|p| p.1);
                cell(data.get("collatz", case, threads), |v| match speedup {
                    Some(s) if threads > 1 => {
                        format!("{} ({} one thread's speed)", ms(v), times(s))
                    }
                    _ => ms(v),
                })
            };
            let _ = writeln!(
                t,
                "| Collatz steps of 1..=200 000 on {threads} thread{} | {} | {} |",
                if threads == 1 { "" } else { "s" },
                show(rust, "rust", &rs),
                show(python, "python", &ps)
            );
        }
        t
    }

    /// The summing strategies of chapter 3, fastest first as measured here.
    pub const CH03_SUM: [(&str, &str); 5] = [
        ("merge_at_end", "merge_at_end: per-thread sums"),
        ("lock_around_loop", "lock_around_loop: one lock per thread"),
        ("racy", "racy load and store (wrong answer)"),
        ("atomic_add", "atomic_add: one fetch_add per number"),
        ("lock_per_item", "lock_per_item: one lock per number"),
    ];

    pub fn ch03(data: &Data) -> String {
        let base = data.get("sum", "merge_at_end", 2);
        let mut t = String::from(
            "| strategy, summing 1..=1 000 000 on 2 threads | time | against `merge_at_end` |\n|---|---|---|\n",
        );
        for (case, label) in CH03_SUM {
            let value = data.get("sum", case, 2);
            let _ = writeln!(
                t,
                "| {label} | {} | {} |",
                cell(value, ms),
                ratio(value, base)
            );
        }
        let (racy, locked) = (
            data.get("read_pause_write", "racy", 1000),
            data.get("read_pause_write", "locked", 1000),
        );
        let _ = write!(
            t,
            "\n| 1000 threads: read, pause 100 µs, write | time | against racy |\n|---|---|---|\n\
             | racy (`RacyCounter`, loses updates) | {} | 1× |\n\
             | locked (`Counter`, exact) | {} | {} |\n",
            cell(racy, ms),
            cell(locked, ms),
            ratio(locked, racy)
        );
        t
    }

    pub fn ch05(data: &Data) -> String {
        let mut t = String::from(
            "| capacity | `crossbeam_channel::bounded` | `std::sync::mpsc::sync_channel` | `BoundedQueue` (this chapter) | `BoundedQueue` against crossbeam |\n|---|---|---|---|---|\n",
        );
        for (capacity, crossbeam) in data.series("move_100k", "crossbeam_bounded") {
            let std = data.get("move_100k", "std_sync_channel", capacity);
            let ours = data.get("move_100k", "bounded_queue", capacity);
            let _ = writeln!(
                t,
                "| {capacity} | {} | {} | {} | {} |",
                ms(crossbeam),
                cell(std, ms),
                cell(ours, ms),
                cell(ours.map(|o| o / crossbeam), times)
            );
        }
        t
    }

    pub fn ch07(rust: &Data, python: &Data) -> String {
        let mut t = String::from(
            "**A million tiny jobs, one `execute` each, two workers**\n\n| pool | time | the `threadpool` crate's time divided by this |\n|---|---|---|\n",
        );
        let crate_time = rust.get("execute_1m", "threadpool_crate", 2);
        for (case, label) in [
            (
                "our_pool",
                "this chapter's `ThreadPool` (crossbeam channel)",
            ),
            ("rayon_scope", "`rayon` scope tasks"),
            (
                "threadpool_crate",
                "the `threadpool` crate (`std` channel behind a mutex)",
            ),
        ] {
            let value = rust.get("execute_1m", case, 2);
            let _ = writeln!(
                t,
                "| {label} | {} | {} |",
                cell(value, ms),
                ratio(crate_time, value)
            );
        }
        let _ = write!(
            t,
            "\n**Squaring a million numbers**\n\n| workers | one job per number | chunked | chunked, results discarded | CPython `ThreadPool.map` | CPython, results discarded |\n|---|---|---|---|---|---|\n"
        );
        for workers in [1, 2, 4, 8] {
            let _ = writeln!(
                t,
                "| {workers} | {} | {} | {} | {} | {} |",
                cell(rust.get("map_1m", "per_item", workers), ms),
                cell(rust.get("map_1m", "chunked", workers), ms),
                cell(rust.get("map_1m", "chunked_no_results", workers), ms),
                cell(python.get("map_1m", "python_chunked", workers), ms),
                cell(
                    python.get("map_1m", "python_chunked_no_results", workers),
                    ms
                ),
            );
        }
        let _ = write!(
            t,
            "\n**100 waits of 10 ms** (one after another: 1000 ms)\n\n| workers | this chapter's pool | CPython `ThreadPool.map` |\n|---|---|---|\n"
        );
        for (workers, ours) in rust.series("waits", "our_pool") {
            let _ = writeln!(
                t,
                "| {workers} | {} | {} |",
                ms(ours),
                cell(python.get("waits", "python_threadpool", workers), ms)
            );
        }
        t
    }

    /// Ten thousand waits at once: threads, a pool, async tasks.
    pub fn many_waits(rust: &Data, python: &Data) -> String {
        let mut t =
            String::from("| 10 000 waits of 10 ms at once | Rust | CPython |\n|---|---|---|\n");
        let rows = [
            (
                "a thread for each wait",
                "thread_per_wait",
                "python_thread_per_wait",
            ),
            ("a pool of 100 threads", "pool_of_100", ""),
            (
                "async tasks (tokio on 2 threads; asyncio)",
                "tokio_tasks",
                "python_asyncio_tasks",
            ),
        ];
        side_by_side(&mut t, (rust, python), ("many_waits", 10_000), &rows);
        t
    }

    pub fn ch08(rust: &Data, python: &Data) -> String {
        /// How a row compares its time with the other one it names.
        enum Against {
            /// "(3× as long)": this time over the other.
            AsLong,
            /// "(speed-up 1.2×)": the other time over this one.
            SpeedUp,
            /// "(3× as long)", said of the other: the other time over this one.
            OtherAsLong,
            /// Two processes at once against one: work done per unit of time.
            Work,
            /// Only the other time.
            Plain,
        }
        let r = |group: &str, case: &str, param: u64| rust.get(group, case, param);
        let p = |group: &str, case: &str, param: u64| python.get(group, case, param);
        let rows = [
            (
                "start and wait for a process (`lockstep-child`)",
                r("start", "process", 0),
                "a thread",
                r("start", "thread", 0),
                Against::AsLong,
            ),
            (
                "one `square` through the pool (a round trip over pipes)",
                r("call", "through_the_pool", 0),
                "a function call",
                r("call", "function", 0),
                Against::Plain,
            ),
            (
                "square 1 000 000 numbers on 2 worker processes",
                r("map_1m", "rust_processes", 2),
                "CPython `multiprocessing.Pool(2).map`",
                p("map_1m", "python_processes", 2),
                Against::OtherAsLong,
            ),
            (
                "Collatz steps of 1..=2 000 000 on 2 worker processes",
                r("collatz", "processes", 2),
                "sequential, one process",
                r("collatz", "sequential", 1),
                Against::SpeedUp,
            ),
            (
                "control: the same CPU loop in 2 child processes at once",
                r("spin", "two_children", 2),
                "in 1 child",
                r("spin", "one_child", 1),
                Against::Work,
            ),
            (
                "size of 20 000 files, 2 threads",
                r("dir_size", "threads", 2),
                "sequential",
                r("dir_size", "sequential", 1),
                Against::SpeedUp,
            ),
            (
                "size of 20 000 files, 2 worker processes",
                r("dir_size", "processes", 2),
                "sequential",
                r("dir_size", "sequential", 1),
                Against::SpeedUp,
            ),
            (
                "CPython: start a Python process",
                p("start", "python_process", 0),
                "a Python thread",
                p("start", "python_thread", 0),
                Against::AsLong,
            ),
        ];
        let mut t = String::from("| measurement | time | against |\n|---|---|---|\n");
        for (label, value, other_label, other, against) in rows {
            let comparison = match against {
                Against::AsLong => format!(" ({} as long)", ratio(value, other)),
                Against::SpeedUp => format!(" (speed-up {})", ratio(other, value)),
                Against::OtherAsLong => format!(" ({} as long)", ratio(other, value)),
                Against::Work => format!(
                    " (2 processes did {} the work of 1 per unit of time)",
                    cell(other.zip(value).map(|(o, v)| 2.0 * o / v), times)
                ),
                Against::Plain => String::new(),
            };
            let _ = writeln!(
                t,
                "| {label} | {} | {other_label}: {}{comparison} |",
                cell(value, ms),
                cell(other, ms)
            );
        }
        t
    }

    /// `a / b` as a ratio, or "–" when either is missing.
    fn ratio(a: Option<f64>, b: Option<f64>) -> String {
        cell(a.zip(b).map(|(a, b)| a / b), times)
    }

    pub fn myth_l7(data: &Data) -> String {
        let (racy, locked) = (
            data.get("read_pause_write", "racy", 1000),
            data.get("read_pause_write", "locked", 1000),
        );
        format!(
            "Measured: a thousand threads each reading, pausing 100 µs and writing took {} without a lock (and lost updates) and {} with one (exact): the lock made it {} slower.\n",
            cell(racy, ms),
            cell(locked, ms),
            ratio(locked, racy)
        )
    }

    pub fn myth_p6(rust: &Data, python: &Data) -> String {
        let get = |d: &Data, case: &str| d.get("map_1m", case, 2);
        format!(
            "Measured, squaring a million numbers on 2 workers: CPython's `ThreadPool.map` took {} returning the squares and {} returning `None` ({} as long); this chapter's chunked map took {} and {} ({}).\n",
            cell(get(python, "python_chunked"), ms),
            cell(get(python, "python_chunked_no_results"), ms),
            ratio(
                get(python, "python_chunked"),
                get(python, "python_chunked_no_results")
            ),
            cell(get(rust, "chunked"), ms),
            cell(get(rust, "chunked_no_results"), ms),
            ratio(get(rust, "chunked"), get(rust, "chunked_no_results")),
        )
    }

    pub fn myth_p7(rust: &Data, python: &Data) -> String {
        let map = |workers| python.get("map_1m", "python_chunked", workers);
        let waits = |d: &Data, case: &str, workers| d.get("waits", case, workers);
        format!(
            "Measured: CPython's `ThreadPool.map` squaring a million numbers took {} on 1 worker and {} on 8 (a speed-up of {}), while 100 waits of 10 ms took {} on 1 worker and {} on 10 ({} faster). This chapter's pool in Rust: {} and {} for the waits.\n",
            cell(map(1), ms),
            cell(map(8), ms),
            ratio(map(1), map(8)),
            cell(waits(python, "python_threadpool", 1), ms),
            cell(waits(python, "python_threadpool", 10), ms),
            ratio(
                waits(python, "python_threadpool", 1),
                waits(python, "python_threadpool", 10)
            ),
            cell(waits(rust, "our_pool", 1), ms),
            cell(waits(rust, "our_pool", 10), ms),
        )
    }

    pub fn myth_g3(rust: &Data, python: &Data) -> String {
        let interval = python.get("interpreter", "switch_interval", 0);
        let gil = if python.get("interpreter", "gil_enabled", 1).is_some() {
            "enabled"
        } else if python.get("interpreter", "gil_enabled", 0).is_some() {
            "disabled"
        } else {
            "–"
        };
        format!(
            "Measured: `sys.getswitchinterval()` returned {} and the interpreter reported its GIL {gil}. Our GIL with CPython's hand-over kept an I/O thread waiting a median {} after each wake-up with a 1 ms interval, {} with 5 ms and {} with 20 ms: the wait follows the interval, not a count of instructions.\n",
            cell(interval, ms),
            cell(rust.get("convoy", "median_wait", 1), ms),
            cell(rust.get("convoy", "median_wait", 5), ms),
            cell(rust.get("convoy", "median_wait", 20), ms),
        )
    }

    /// The contention lab's strategies, in the order of the chapter.
    pub const CH09_TOTAL: [(&str, &str); 5] = [
        ("GlobalMutex", "one std Mutex, locked per item"),
        ("ParkingLot", "one parking_lot Mutex, locked per item"),
        ("Atomic", "an atomic fetch_add per item"),
        ("Sharded", "a sharded total, a lock per thread"),
        ("PerThread", "per-thread sums, rayon fold/reduce"),
    ];

    pub fn ch09(rust: &Data, python: &Data, contention: &Data) -> String {
        let mut t = String::from(
            "**The experiment**: speed-up over one thread (time on one thread in brackets).\n\n| workload | threads | Rust, our GIL (5 ms) | Rust, no GIL | CPython, its GIL |\n|---|---|---|---|---|\n",
        );
        for (workload, label) in [("cpu", "CPU-bound"), ("io", "I/O-bound")] {
            let curves = [
                (rust, "rust_gil"),
                (rust, "rust_no_gil"),
                (python, "python_gil"),
            ];
            for threads in [1, 2, 4] {
                let cells: Vec<String> = curves
                    .iter()
                    .map(|(data, case)| {
                        let speedup = data
                            .speedups(workload, case)
                            .into_iter()
                            .find(|(t, _)| *t == threads);
                        match (speedup, data.get(workload, case, threads)) {
                            (Some((_, s)), Some(v)) if threads == 1 => {
                                format!("{} ({})", times(s), ms(v))
                            }
                            (Some((_, s)), _) => times(s),
                            _ => "–".to_owned(),
                        }
                    })
                    .collect();
                let _ = writeln!(t, "| {label} | {threads} | {} |", cells.join(" | "));
            }
        }
        let _ = write!(
            t,
            "\n**The convoy**: an I/O thread wakes 20 times from a 10 ms wait while a CPU-bound thread holds our GIL; how long until it holds the lock again.\n\n| switch interval | median wait | longest wait |\n|---|---|---|\n"
        );
        for (interval, median) in rust.series("convoy", "median_wait") {
            let _ = writeln!(
                t,
                "| {interval} ms | {} | {} |",
                ms(median),
                cell(rust.get("convoy", "longest_wait", interval), ms)
            );
        }
        let fastest = CH09_TOTAL
            .iter()
            .filter_map(|(case, _)| contention.get("total", case, 2))
            .fold(f64::INFINITY, f64::min);
        let _ = write!(
            t,
            "\n**The contention lab**: ten million numbers added up on 2 threads; 2 threads counting to ten million each.\n\n| strategy | time | against the fastest |\n|---|---|---|\n"
        );
        for (case, label) in CH09_TOTAL {
            let value = contention.get("total", case, 2);
            let _ = writeln!(
                t,
                "| {label} | {} | {} |",
                cell(value, ms),
                cell(value.map(|v| v / fastest), times)
            );
        }
        let (packed, padded) = (
            contention.get("counters", "side_by_side", 2),
            contention.get("counters", "padded", 2),
        );
        let _ = writeln!(
            t,
            "| counters side by side (false sharing) | {} | {} the padded ones |",
            cell(packed, ms),
            ratio(packed, padded)
        );
        let _ = writeln!(
            t,
            "| counters padded with `CachePadded` | {} | |",
            cell(padded, ms)
        );
        if let Some(interval) = python.get("interpreter", "switch_interval", 0) {
            let _ = writeln!(
                t,
                "\nCPython's switch interval as `sys.getswitchinterval()` reported it: {}.",
                ms(interval)
            );
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_csv_and_computes_speedups() {
        let data =
            Data::parse("group,case,param,ms\ncpu,a,1,10\ncpu,a,2,5.0\ncpu,b,1,3\n").unwrap();
        assert_eq!(data.get("cpu", "a", 2), Some(5.0));
        assert_eq!(data.speedups("cpu", "a"), [(1, 1.0), (2, 2.0)]);
        assert!(Data::parse("group,case,param,ms\ncpu,a,x,1\n").is_err());
    }

    #[test]
    fn durations_and_ratios_read_well() {
        assert_eq!(ms(332.55), "333 ms");
        assert_eq!(ms(5.068), "5.1 ms");
        assert_eq!(ms(0.0092), "9.2 µs");
        assert_eq!(ms(0.000002), "2.0 ns");
        assert_eq!(times(158.3), "158×");
        assert_eq!(times(1.976), "1.98×");
    }

    #[test]
    fn plots_are_the_same_every_time() {
        let series = [("a", vec![(1, 1.0), (2, 1.9), (4, 3.5)])];
        let first = speedup_plot("t", &series).unwrap();
        assert_eq!(first, speedup_plot("t", &series).unwrap());
        assert!(first.starts_with("<svg"), "{}", &first[..40]);
        let bars = bar_plot("b", &[("x", 1.0), ("y", 2.0)]).unwrap();
        assert!(bars.contains("y: 2.0 ms"), "{bars}");
    }
}
