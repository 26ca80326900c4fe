//! The book's measured tables, sentences and plots, drawn from the CSV
//! files under `book/src/measurements/` as each chapter declares them in
//! `solutions/<chapter>/figures.toml`, next to the benchmarks that write
//! those files.
//!
//! The benchmark programs and the Python scripts write CSV with the columns
//! `group,case,param,ms` (see `grading::Measurements`). `cargo xtask bench`
//! writes what [`render`] returns, and `verify` checks that the files on
//! disk are exactly that: no number in a table or plot that a CSV file did
//! not produce. This module knows no chapter: a chapter's figures are its
//! `figures.toml`, and a chapter without one has none.
//!
//! # `figures.toml`
//!
//! ```toml
//! [csv]                  # the CSV files, by alias: rust is <DIR>/ch01-cost.csv
//! rust = "ch01-cost"
//!
//! [let]                  # named expressions, for the figures below
//! one = "rust.collatz.rust.1"
//!
//! [[markdown]]           # a table or a sentence: a template
//! file = "ch01-cost.md"
//! text = '''
//! | threads | time |
//! |---|---|
//! {for n in rust.collatz.rust}| {n} | {ms(rust.collatz.rust.n)} |
//! '''
//!
//! [[plot]]               # kind = "lines", "speedup" or "bars"
//! file = "ch01-collatz.svg"
//! kind = "speedup"
//! title = "CPU-bound work: speed-up over one thread"
//! x_label = "threads"
//! y_label = "speed-up"
//! ideal = "ideal: the number of threads"
//! series = [{ label = "Rust", points = "rust.collatz.rust" }]
//! ```
//!
//! **Templates** are text with `{expression}` placeholders (`{{` and `}}`
//! are braces). A placeholder whose expression needs a measurement the CSV
//! files lack shows "–". A line may begin with a directive:
//! `{for n in alias.group.case}` repeats the rest of the line for each param
//! the case has, with `n` bound to it (`{for n in 2, 4}` for those params);
//! `{if expression}` keeps the rest of the line only when it has a value.
//!
//! **Expressions**: `alias.group.case.param` is one measurement in ms (the
//! param a number or a bound name); numbers; `"text"`; names from `[let]`;
//! `+ - * /` and parentheses, where `+` also joins two texts; `ms(x)`, a
//! duration as "8.8 ms"; `times(x)`, a ratio as "1.89×";
//! `speedup(alias.group.case.param)`, the case's first point's ms over this
//! one's; `min(a, b, …)` and `max(a, b, …)`, the least and the greatest of
//! those present; `count(x)`, a whole number as "1 000 000"; and
//! `which(a, "text", b, "other", …)`, the text after the first present
//! value. A number shows as it is: `{n}` gives `8`.
//!
//! **Plots**: `lines` draws each of its `series` through the points of a
//! case (`points = "alias.group.case"`): x is the param, y its ms or the
//! series' `y = "expression"` of `x`; `guide = true` makes a series a grey
//! reference line. `x_scale = "even"` spaces the measured x values evenly
//! (for values that grow by factors), `"log"` by their logarithm and
//! `"linear"` (the default) by value; `y_scale = "log"` suits values a
//! hundred times apart. `speedup` is `lines` of each series' speed-up over
//! its first point, with the `ideal` line y = x, and a line at the core
//! count when `<chapter>-run.md` says "N logical CPUs", which also caps the
//! ideal line unless the plot says `cpu_bound = false`. `bars` draws
//! `bars = [{ label, value = "expression" }]` as bars of ms. Every series
//! has its own colour, dash pattern and marker; legends sit under the plot.
//! A series or bar without measurements is left out.
//!
//! **Claims**: a sentence that compares measurements is a `[[claim]]`:
//! `name`, `holds = "a < b"` (or `>`, `<=`, `>=`, between two number
//! expressions) and `text`, a template. The claims go to
//! `<chapter>-claims.md`, each between anchor lines, and a page includes one
//! as `{{#include measurements/<chapter>-claims.md:<name>}}`; `verify`
//! fails when the CSV files no longer bear a claim out.
//!
//! A `[let]` expression may not use another. A mistake in a `figures.toml`
//! (an unknown alias, name or function, a bad expression, a field the
//! plot's kind does not have) is an error naming the file and the figure.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::ErrorKind;
use std::path::Path;

use anyhow::{Context, Result, anyhow, bail};
use serde::Deserialize;

use crate::course::Course;
use crate::generated::{self, Generated};

use expr::{Env, Scope};

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
                bail!("line {}: expected group,case,param,ms", number + 1);
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
    /// Claims that the CSV files no longer bear out, as readable lines.
    pub broken: Vec<String>,
}

/// Every table, sentence and plot that `chapter` (a chapter id) declares,
/// drawn from the CSV files as they are now; empty for a chapter without a
/// `figures.toml`.
pub fn render(root: &Path, chapter: &str) -> Result<Drawing> {
    let path = Path::new("solutions").join(chapter).join("figures.toml");
    let text = match fs::read_to_string(root.join(&path)) {
        Ok(text) => text,
        Err(error) if error.kind() == ErrorKind::NotFound => return Ok(Drawing::default()),
        Err(error) => {
            return Err(error).with_context(|| format!("cannot read {}", path.display()));
        }
    };
    let spec: Spec = toml::from_str(&text)
        .with_context(|| format!("{} is not a valid figures file", path.display()))?;
    let run_note = fs::read_to_string(root.join(DIR).join(format!("{chapter}-run.md")));
    let cores = run_note.ok().as_deref().and_then(cores);
    draw(root, chapter, &spec, cores).with_context(|| format!("in {}", path.display()))
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
        problems.extend(
            drawing
                .broken
                .iter()
                .map(|claim| format!("solutions/{}/figures.toml: {claim}", chapter.id)),
        );
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
                "{DIR}/{name}: no benchmark, script or figure writes it; delete it, or name it in its chapter's solutions/<chapter>/figures.toml"
            ));
        }
    }
    Ok(problems)
}

/// The machine's core count, from a run note's "… 2 logical CPUs …".
fn cores(run_note: &str) -> Option<u64> {
    let before = &run_note[..run_note.find(" logical CPU")?];
    before
        .rsplit(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

/// A chapter's `figures.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Spec {
    /// CSV file names under [`DIR`], without `.csv`, by alias.
    csv: BTreeMap<String, String>,
    /// Named expressions the figures may use.
    #[serde(default, rename = "let")]
    lets: BTreeMap<String, String>,
    #[serde(default)]
    markdown: Vec<MarkdownSpec>,
    #[serde(default)]
    plot: Vec<PlotSpec>,
    /// Sentences that compare measurements, each with the relation that
    /// must hold for it to be true.
    #[serde(default)]
    claim: Vec<ClaimSpec>,
}

/// A sentence that compares measurements: `holds` is `a < b` (or `>`,
/// `<=`, `>=`) over two number expressions, checked against the CSV files
/// whenever the figures are drawn; `text` is the sentence, a template.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimSpec {
    /// Its anchor in `<chapter>-claims.md`: a page includes it as
    /// `{{#include measurements/<chapter>-claims.md:<name>}}`.
    name: String,
    holds: String,
    text: String,
}

/// A comparison of two numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relation {
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

impl Relation {
    const SYMBOLS: [(&str, Relation); 4] = [
        ("<=", Relation::LessOrEqual),
        (">=", Relation::GreaterOrEqual),
        ("<", Relation::Less),
        (">", Relation::Greater),
    ];

    fn holds(self, a: f64, b: f64) -> bool {
        match self {
            Relation::Less => a < b,
            Relation::LessOrEqual => a <= b,
            Relation::Greater => a > b,
            Relation::GreaterOrEqual => a >= b,
        }
    }

    /// `left <relation> right`, split at its one comparison outside quotes.
    fn split(text: &str) -> Result<(&str, Relation, &str)> {
        let mut quoted = false;
        let mut found = None;
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            match bytes[at] {
                b'"' => quoted = !quoted,
                b'<' | b'>' if !quoted => {
                    let (symbol, relation) = Relation::SYMBOLS
                        .into_iter()
                        .find(|(symbol, _)| text[at..].starts_with(symbol))
                        .expect("a comparison starts with < or >");
                    if found.is_some() {
                        bail!("`{text}` compares more than once");
                    }
                    found = Some((at, symbol.len(), relation));
                    at += symbol.len();
                    continue;
                }
                _ => {}
            }
            at += 1;
        }
        let Some((at, len, relation)) = found else {
            bail!("`{text}` is no comparison: write `a < b`, `a > b`, `a <= b` or `a >= b`");
        };
        Ok((text[..at].trim(), relation, text[at + len..].trim()))
    }
}

/// A table or a sentence.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MarkdownSpec {
    /// Its name under [`DIR`].
    file: String,
    /// A template (see the module's documentation).
    text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlotSpec {
    /// Its name under [`DIR`].
    file: String,
    kind: PlotKind,
    title: String,
    #[serde(default)]
    x_label: String,
    #[serde(default)]
    y_label: String,
    #[serde(default)]
    x_scale: Scale,
    #[serde(default)]
    y_scale: Scale,
    /// A speed-up plot's label for the ideal line.
    ideal: Option<String>,
    /// A speed-up plot: whether the core count caps the ideal line.
    cpu_bound: Option<bool>,
    #[serde(default)]
    series: Vec<SeriesSpec>,
    #[serde(default)]
    bars: Vec<BarSpec>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum PlotKind {
    Lines,
    Speedup,
    Bars,
}

/// How an axis places values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Scale {
    /// By value.
    #[default]
    Linear,
    /// By the logarithm of the value.
    Log,
    /// The measured values evenly spaced (an x axis only).
    Even,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeriesSpec {
    label: String,
    /// `alias.group.case`: its params are the x values.
    points: String,
    /// y as an expression of `x`; by default the point's ms (a speed-up
    /// plot: its speed-up).
    y: Option<String>,
    #[serde(default)]
    guide: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BarSpec {
    label: String,
    value: String,
}

/// Every figure of `spec`, from its CSV files.
fn draw(root: &Path, chapter: &str, spec: &Spec, cores: Option<u64>) -> Result<Drawing> {
    let mut data = BTreeMap::new();
    for (alias, name) in &spec.csv {
        data.insert(alias.clone(), Data::load(root, name)?);
    }
    let mut scope = Scope::new(spec.csv.keys().cloned().collect());
    for (name, text) in &spec.lets {
        scope
            .define(name, text)
            .with_context(|| format!("[let] {name}"))?;
    }
    let env = Env::new(&data);
    let mut files = Vec::new();
    for markdown in &spec.markdown {
        let contents = template::Template::parse(&markdown.text, &scope)
            .map(|template| template.render(&env))
            .with_context(|| format!("figure {}", markdown.file))?;
        files.push(generated(&markdown.file, contents));
    }
    for plot in &spec.plot {
        let contents = draw_plot(plot, &scope, &env, cores)
            .with_context(|| format!("figure {}", plot.file))?;
        files.push(generated(&plot.file, contents));
    }
    let mut broken = Vec::new();
    if !spec.claim.is_empty() {
        let mut claims = String::new();
        for claim in &spec.claim {
            let (text, problem) = check_claim(claim, &scope, &env)
                .with_context(|| format!("claim {}", claim.name))?;
            claims.push_str(&format!(
                "<!-- ANCHOR: {name} -->\n{text}<!-- ANCHOR_END: {name} -->\n",
                name = claim.name
            ));
            broken.extend(problem);
        }
        files.push(generated(&format!("{chapter}-claims.md"), claims));
    }
    Ok(Drawing {
        broken,
        files,
        sources: spec
            .csv
            .values()
            .map(|name| format!("{name}.csv"))
            .collect(),
    })
}

/// A claim's sentence, and what is wrong if the data do not bear it out.
fn check_claim(claim: &ClaimSpec, scope: &Scope, env: &Env) -> Result<(String, Option<String>)> {
    if claim.name.is_empty()
        || !claim
            .name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        bail!("a claim's name is letters, digits, `_` and `-`");
    }
    let (left, relation, right) = Relation::split(&claim.holds)?;
    let (a, b) = (scope.number(left)?, scope.number(right)?);
    let mut text = template::Template::parse(&claim.text, scope)?.render(env);
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let problem = match (a.number(env), b.number(env)) {
        (Some(a), Some(b)) if relation.holds(a, b) => None,
        (Some(a), Some(b)) => Some(format!(
            "claim `{}` no longer holds: `{}` is false ({left} is {a:.4}, {right} is {b:.4}); rewrite its sentence, or measure again",
            claim.name, claim.holds
        )),
        _ => Some(format!(
            "claim `{}` cannot be checked: `{}` needs a measurement the CSV files lack",
            claim.name, claim.holds
        )),
    };
    Ok((text, problem))
}

fn generated(name: &str, contents: String) -> Generated {
    Generated {
        path: Path::new(DIR).join(name),
        contents,
    }
}

/// One plot's SVG.
fn draw_plot(plot: &PlotSpec, scope: &Scope, env: &Env, cores: Option<u64>) -> Result<String> {
    plot.check()?;
    if plot.kind == PlotKind::Bars {
        let mut bars = Vec::new();
        for bar in &plot.bars {
            let value = scope
                .number(&bar.value)
                .with_context(|| format!("bar `{}`", bar.label))?;
            if let Some(ms) = value.number(env) {
                bars.push((bar.label.clone(), ms));
            }
        }
        return svg::bars(&plot.title, &bars);
    }
    let speedup = plot.kind == PlotKind::Speedup;
    let mut lines = Vec::new();
    for series in &plot.series {
        let line = line(series, speedup, scope, env)
            .with_context(|| format!("series `{}`", series.label))?;
        // A series nothing measured (a free-threaded interpreter's, say,
        // on a machine without one) is left out, legend and all.
        if !line.points.is_empty() {
            lines.push(line);
        }
    }
    if speedup {
        let ideal = plot.ideal.as_deref().unwrap_or("ideal");
        lines.extend(speedup_guides(
            &lines,
            ideal,
            cores,
            plot.cpu_bound.unwrap_or(true),
        ));
    }
    let axes = svg::Axes {
        title: &plot.title,
        x_label: &plot.x_label,
        y_label: &plot.y_label,
        x_scale: plot.x_scale,
        y_scale: plot.y_scale,
    };
    svg::lines(&axes, &lines)
}

impl PlotSpec {
    /// Fields that the plot's kind does not use are mistakes.
    fn check(&self) -> Result<()> {
        let bars = self.kind == PlotKind::Bars;
        let speedup = self.kind == PlotKind::Speedup;
        let unused = [
            ("series", bars && !self.series.is_empty()),
            ("bars", !bars && !self.bars.is_empty()),
            ("x_label", bars && !self.x_label.is_empty()),
            ("y_label", bars && !self.y_label.is_empty()),
            ("x_scale", bars && self.x_scale != Scale::default()),
            ("y_scale", bars && self.y_scale != Scale::default()),
            ("ideal", !speedup && self.ideal.is_some()),
            ("cpu_bound", !speedup && self.cpu_bound.is_some()),
        ];
        if let Some((field, _)) = unused.iter().find(|(_, set)| *set) {
            bail!("a plot of kind {:?} has no `{field}`", self.kind);
        }
        if self.y_scale == Scale::Even {
            bail!("`y_scale` is \"linear\" or \"log\"");
        }
        Ok(())
    }
}

/// One series' points: x the params of its case, y its expression of `x`.
fn line(series: &SeriesSpec, speedup: bool, scope: &Scope, env: &Env) -> Result<svg::Line> {
    let case = scope.case(&series.points)?;
    let y = match (&series.y, speedup) {
        (Some(y), _) => y.clone(),
        (None, true) => format!("speedup({}.x)", series.points),
        (None, false) => format!("{}.x", series.points),
    };
    let y = scope.with_var("x").number(&y)?;
    let points = env
        .params(&case)
        .into_iter()
        .filter_map(|x| Some((x as f64, y.number(&env.with("x", x))?)))
        .collect();
    Ok(svg::Line {
        label: series.label.clone(),
        points,
        guide: series.guide,
    })
}

/// A speed-up plot's guides: the ideal line y = x over the measured
/// threads, and when the core count is known and within them, a line at
/// it, which caps the ideal line for CPU-bound work.
fn speedup_guides(
    lines: &[svg::Line],
    ideal: &str,
    cores: Option<u64>,
    cpu_bound: bool,
) -> Vec<svg::Line> {
    let xs: BTreeSet<u64> = lines
        .iter()
        .flat_map(|line| line.points.iter().map(|&(x, _)| x as u64))
        .collect();
    let (Some(&first), Some(&last)) = (xs.first(), xs.last()) else {
        return Vec::new();
    };
    let cores = cores.filter(|cores| (first..=last).contains(cores));
    let cap = cores.filter(|_| cpu_bound);
    let mut ideal_xs: BTreeSet<u64> = xs
        .into_iter()
        .filter(|&x| cap.is_none_or(|cap| x <= cap))
        .collect();
    ideal_xs.extend(cap);
    let mut guides = vec![svg::Line {
        label: ideal.to_owned(),
        points: ideal_xs.iter().map(|&x| (x as f64, x as f64)).collect(),
        guide: true,
    }];
    if let Some(cores) = cores {
        let n = cores as f64;
        guides.push(svg::Line {
            label: format!(
                "{cores} core{}: the ceiling for CPU-bound work",
                if cores == 1 { "" } else { "s" }
            ),
            points: vec![(first as f64, n), (last as f64, n)],
            guide: true,
        });
    }
    guides
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

/// A whole number, rounded, its digits in groups of three: `1 000 000`.
pub fn count(value: f64) -> String {
    let digits = format!("{:.0}", value.abs());
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            grouped.push(' ');
        }
        grouped.push(digit);
    }
    if value.round() < 0.0 {
        grouped.insert(0, '-');
    }
    grouped
}

/// A ratio, as `3.1×`.
pub fn times(ratio: f64) -> String {
    if ratio >= 10.0 {
        format!("{ratio:.0}×")
    } else {
        format!("{ratio:.2}×")
    }
}

mod expr {
    //! The expressions inside a template's placeholders and a plot's
    //! values: parsed and checked once, evaluated against the CSV data,
    //! where a missing measurement makes the whole expression missing.

    use std::collections::BTreeMap;
    use std::fmt;

    use anyhow::{Context, Result, anyhow, bail};

    use super::{Data, count, ms, times};

    /// A case of one CSV file: `alias.group.case`.
    #[derive(Debug, Clone, PartialEq)]
    pub struct Case {
        pub alias: String,
        pub group: String,
        pub case: String,
    }

    /// The param of a measurement: written out, or a bound name.
    #[derive(Debug, Clone, PartialEq)]
    pub enum Param {
        Is(u64),
        Var(String),
    }

    /// A parsed expression.
    #[derive(Debug, Clone, PartialEq)]
    pub enum Expr {
        Number(f64),
        Text(String),
        /// A bound param (`for`, a series' `x`).
        Var(String),
        /// One measurement in ms.
        Value(Case, Param),
        Neg(Box<Expr>),
        Op(Op, Box<Expr>, Box<Expr>),
        Call(Func, Vec<Expr>),
    }

    #[derive(Debug, Clone, Copy, PartialEq)]
    pub enum Op {
        Add,
        Sub,
        Mul,
        Div,
    }

    /// The functions an expression may call.
    #[derive(Debug, Clone, Copy, PartialEq)]
    pub enum Func {
        Ms,
        Times,
        Speedup,
        Min,
        Max,
        Count,
        Which,
    }

    /// What an expression gives.
    #[derive(Debug, Clone, PartialEq)]
    pub enum Value {
        Number(f64),
        Text(String),
    }

    impl fmt::Display for Value {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self {
                Value::Number(n) => write!(f, "{n}"),
                Value::Text(text) => f.write_str(text),
            }
        }
    }

    /// What an expression gives, known before it is evaluated.
    #[derive(Debug, Clone, Copy, PartialEq)]
    pub enum Kind {
        Number,
        Text,
    }

    impl Func {
        const NAMES: [(&str, Func); 7] = [
            ("ms", Func::Ms),
            ("times", Func::Times),
            ("speedup", Func::Speedup),
            ("min", Func::Min),
            ("max", Func::Max),
            ("count", Func::Count),
            ("which", Func::Which),
        ];

        fn named(name: &str) -> Option<Func> {
            Func::NAMES
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, f)| *f)
        }

        fn name(self) -> &'static str {
            Func::NAMES
                .iter()
                .find(|(_, f)| *f == self)
                .map_or("?", |(n, _)| n)
        }

        /// What a call gives, or why its arguments do not fit.
        fn kind(self, args: &[Expr]) -> Result<Kind> {
            let kinds = args.iter().map(Expr::kind).collect::<Result<Vec<_>>>()?;
            let numbers = kinds.iter().all(|k| *k == Kind::Number);
            let (fits, gives, wants) = match self {
                Func::Ms | Func::Times | Func::Count => {
                    (kinds.len() == 1 && numbers, Kind::Text, "one number")
                }
                Func::Speedup => (
                    matches!(args, [Expr::Value(..)]),
                    Kind::Number,
                    "one measurement, alias.group.case.param",
                ),
                Func::Min | Func::Max => (!args.is_empty() && numbers, Kind::Number, "numbers"),
                Func::Which => (
                    kinds.len() >= 2
                        && kinds.len() % 2 == 0
                        && kinds.iter().skip(1).step_by(2).all(|k| *k == Kind::Text),
                    Kind::Text,
                    "pairs of a value and a \"text\"",
                ),
            };
            if !fits {
                bail!("`{}` takes {wants}", self.name());
            }
            Ok(gives)
        }

        fn eval(self, args: &[Expr], env: &Env) -> Option<Value> {
            let text = |show: fn(f64) -> String| match args {
                [x] => Some(Value::Text(show(x.number(env)?))),
                _ => None,
            };
            match self {
                Func::Ms => text(ms),
                Func::Times => text(times),
                Func::Count => text(count),
                Func::Speedup => match args {
                    [Expr::Value(case, param)] => env.speedup(case, param).map(Value::Number),
                    _ => None,
                },
                Func::Min => args
                    .iter()
                    .filter_map(|arg| arg.number(env))
                    .reduce(f64::min)
                    .map(Value::Number),
                Func::Max => args
                    .iter()
                    .filter_map(|arg| arg.number(env))
                    .reduce(f64::max)
                    .map(Value::Number),
                Func::Which => args
                    .chunks(2)
                    .find(|pair| pair[0].eval(env).is_some())
                    .and_then(|pair| pair.get(1)?.eval(env)),
            }
        }
    }

    impl Expr {
        /// What the expression gives, or why it cannot be computed.
        pub fn kind(&self) -> Result<Kind> {
            Ok(match self {
                Expr::Number(_) | Expr::Var(_) | Expr::Value(..) => Kind::Number,
                Expr::Text(_) => Kind::Text,
                Expr::Neg(inner) => {
                    if inner.kind()? != Kind::Number {
                        bail!("`-` needs a number");
                    }
                    Kind::Number
                }
                Expr::Op(op, a, b) => match (op, a.kind()?, b.kind()?) {
                    (_, Kind::Number, Kind::Number) => Kind::Number,
                    (Op::Add, Kind::Text, Kind::Text) => Kind::Text,
                    (Op::Add, _, _) => {
                        bail!(
                            "`+` needs two numbers or two texts; format a number with ms() or times()"
                        )
                    }
                    _ => bail!("`{}` needs two numbers", op.symbol()),
                },
                Expr::Call(func, args) => func.kind(args)?,
            })
        }

        /// Its value, or `None` when a measurement it needs is missing.
        pub fn eval(&self, env: &Env) -> Option<Value> {
            match self {
                Expr::Number(n) => Some(Value::Number(*n)),
                Expr::Text(text) => Some(Value::Text(text.clone())),
                Expr::Var(name) => env.var(name).map(|v| Value::Number(v as f64)),
                Expr::Value(case, param) => env.get(case, param).map(Value::Number),
                Expr::Neg(inner) => Some(Value::Number(-inner.number(env)?)),
                Expr::Op(op, a, b) => match (a.eval(env)?, b.eval(env)?) {
                    (Value::Number(a), Value::Number(b)) => Some(Value::Number(op.apply(a, b))),
                    (Value::Text(a), Value::Text(b)) => Some(Value::Text(a + &b)),
                    _ => None,
                },
                Expr::Call(func, args) => func.eval(args, env),
            }
        }

        pub fn number(&self, env: &Env) -> Option<f64> {
            match self.eval(env)? {
                Value::Number(n) => Some(n),
                Value::Text(_) => None,
            }
        }
    }

    impl Op {
        fn symbol(self) -> char {
            match self {
                Op::Add => '+',
                Op::Sub => '-',
                Op::Mul => '*',
                Op::Div => '/',
            }
        }

        fn apply(self, a: f64, b: f64) -> f64 {
            match self {
                Op::Add => a + b,
                Op::Sub => a - b,
                Op::Mul => a * b,
                Op::Div => a / b,
            }
        }
    }

    /// The names an expression may use: the CSV aliases, the `[let]`
    /// expressions and the bound params.
    #[derive(Debug, Clone, Default)]
    pub struct Scope {
        aliases: Vec<String>,
        lets: BTreeMap<String, Expr>,
        vars: Vec<String>,
    }

    impl Scope {
        pub fn new(aliases: Vec<String>) -> Scope {
            Scope {
                aliases,
                ..Scope::default()
            }
        }

        /// Adds a `[let]` expression; it may not use another.
        pub fn define(&mut self, name: &str, text: &str) -> Result<()> {
            let expr = Scope::new(self.aliases.clone()).parse(text)?;
            self.lets.insert(name.to_owned(), expr);
            Ok(())
        }

        /// This scope with `name` bound to a param.
        pub fn with_var(&self, name: &str) -> Scope {
            let mut scope = self.clone();
            scope.vars.push(name.to_owned());
            scope
        }

        /// A whole text as one checked expression.
        pub fn parse(&self, text: &str) -> Result<Expr> {
            let mut parser = Parser::new(text, self);
            let expr = parser.expr().and_then(|expr| {
                parser.end()?;
                expr.kind()?;
                Ok(expr)
            });
            expr.with_context(|| format!("in `{text}`"))
        }

        /// A whole text as an expression that gives a number.
        pub fn number(&self, text: &str) -> Result<Expr> {
            let expr = self.parse(text)?;
            if expr.kind()? != Kind::Number {
                bail!("`{text}` gives a text where a number is needed");
            }
            Ok(expr)
        }

        /// A whole text as `alias.group.case`.
        pub fn case(&self, text: &str) -> Result<Case> {
            let mut parser = Parser::new(text, self);
            let case = parser.case().and_then(|case| {
                parser.end()?;
                Ok(case)
            });
            case.with_context(|| format!("in `{text}`"))
        }

        /// The case, if its alias is one of the `[csv]` table's.
        fn case_of(&self, alias: &str, group: &str, case: &str) -> Result<Case> {
            if !self.aliases.iter().any(|a| a == alias) {
                bail!(
                    "unknown CSV alias `{alias}`; [csv] names {}",
                    self.aliases.join(", ")
                );
            }
            Ok(Case {
                alias: alias.to_owned(),
                group: group.to_owned(),
                case: case.to_owned(),
            })
        }

        fn binds(&self, name: &str) -> bool {
            self.vars.iter().any(|v| v == name)
        }

        /// A name alone: a bound param or a `[let]` expression.
        fn lookup(&self, name: &str) -> Result<Expr> {
            if self.binds(name) {
                return Ok(Expr::Var(name.to_owned()));
            }
            if let Some(expr) = self.lets.get(name) {
                return Ok(expr.clone());
            }
            let known: Vec<&str> = self
                .vars
                .iter()
                .chain(self.lets.keys())
                .map(String::as_str)
                .collect();
            bail!(
                "unknown name `{name}` (known here: {}); a measurement is alias.group.case.param",
                if known.is_empty() {
                    "none".to_owned()
                } else {
                    known.join(", ")
                }
            )
        }
    }

    /// A recursive-descent parser over one text, from `at`.
    pub struct Parser<'a> {
        text: &'a str,
        pub at: usize,
        scope: &'a Scope,
    }

    impl<'a> Parser<'a> {
        pub fn new(text: &'a str, scope: &'a Scope) -> Parser<'a> {
            Parser { text, at: 0, scope }
        }

        fn rest(&self) -> &'a str {
            &self.text[self.at..]
        }

        /// The next character after spaces.
        pub fn peek(&mut self) -> Option<char> {
            let rest = self.rest();
            self.at += rest.len() - rest.trim_start().len();
            self.rest().chars().next()
        }

        pub fn eat(&mut self, c: char) -> bool {
            let found = self.peek() == Some(c);
            if found {
                self.at += c.len_utf8();
            }
            found
        }

        pub fn expect(&mut self, c: char) -> Result<()> {
            if self.eat(c) {
                Ok(())
            } else {
                Err(self.error(&format!("expected `{c}`")))
            }
        }

        /// Nothing but spaces is left.
        pub fn end(&mut self) -> Result<()> {
            match self.peek() {
                None => Ok(()),
                Some(_) => Err(self.error("expected the end")),
            }
        }

        pub fn error(&self, what: &str) -> anyhow::Error {
            match self.rest() {
                "" => anyhow!("{what}, found the end"),
                rest => anyhow!("{what} at `{}`", rest.chars().take(24).collect::<String>()),
            }
        }

        /// A run of letters, digits and `_`.
        pub fn word(&mut self) -> &'a str {
            let rest = self.rest();
            let len = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            self.at += len;
            &rest[..len]
        }

        /// `a + b - c`
        pub fn expr(&mut self) -> Result<Expr> {
            let mut left = self.product()?;
            loop {
                let op = if self.eat('+') {
                    Op::Add
                } else if self.eat('-') {
                    Op::Sub
                } else {
                    return Ok(left);
                };
                left = Expr::Op(op, Box::new(left), Box::new(self.product()?));
            }
        }

        /// `a * b / c`
        fn product(&mut self) -> Result<Expr> {
            let mut left = self.unary()?;
            loop {
                let op = if self.eat('*') {
                    Op::Mul
                } else if self.eat('/') {
                    Op::Div
                } else {
                    return Ok(left);
                };
                left = Expr::Op(op, Box::new(left), Box::new(self.unary()?));
            }
        }

        fn unary(&mut self) -> Result<Expr> {
            if self.eat('-') {
                return Ok(Expr::Neg(Box::new(self.unary()?)));
            }
            self.atom()
        }

        fn atom(&mut self) -> Result<Expr> {
            match self.peek() {
                Some('(') => {
                    self.at += 1;
                    let expr = self.expr()?;
                    self.expect(')')?;
                    Ok(expr)
                }
                Some('"') => self.text(),
                Some(c) if c.is_ascii_digit() => self.number().map(Expr::Number),
                Some(c) if c.is_ascii_alphabetic() || c == '_' => self.name(),
                _ => Err(self.error("expected a number, a \"text\", a name or `(`")),
            }
        }

        fn text(&mut self) -> Result<Expr> {
            let rest = &self.rest()[1..];
            let Some(len) = rest.find('"') else {
                return Err(self.error("a \"text\" without its closing `\"`"));
            };
            self.at += len + 2;
            Ok(Expr::Text(rest[..len].to_owned()))
        }

        /// The next word after spaces.
        pub fn next_word(&mut self) -> &'a str {
            self.peek();
            self.word()
        }

        /// `12`, `0.5`, `1e3`
        pub fn number(&mut self) -> Result<f64> {
            self.peek();
            let start = self.at;
            self.digits();
            if self.rest().starts_with('.') {
                self.at += 1;
                self.digits();
            }
            if self.rest().starts_with(['e', 'E']) {
                self.at += 1;
                if self.rest().starts_with(['+', '-']) {
                    self.at += 1;
                }
                self.digits();
            }
            let text = &self.text[start..self.at];
            text.parse()
                .map_err(|_| anyhow!("`{text}` is not a number"))
        }

        fn digits(&mut self) {
            let rest = self.rest();
            self.at += rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len());
        }

        /// A word and the words after its dots: `a.b.c`, and its text.
        fn path(&mut self) -> Result<(Vec<&'a str>, &'a str)> {
            let start = self.at;
            let mut parts = vec![self.word()];
            while self.rest().starts_with('.') {
                self.at += 1;
                match self.word() {
                    "" => return Err(self.error("expected a name after `.`")),
                    part => parts.push(part),
                }
            }
            Ok((parts, &self.text[start..self.at]))
        }

        /// A function call, a name alone, or `alias.group.case.param`.
        fn name(&mut self) -> Result<Expr> {
            let start = self.at;
            let first = self.word();
            if self.rest().trim_start().starts_with('(') {
                return self.call(first);
            }
            self.at = start;
            let (parts, path) = self.path()?;
            match parts[..] {
                [name] => self.scope.lookup(name),
                [_, _, _] => {
                    bail!("`{path}` is a case; name one measurement: `{path}.<param>`")
                }
                [alias, group, case, param] => {
                    let case = self.scope.case_of(alias, group, case)?;
                    let param = match param.parse() {
                        Ok(n) => Param::Is(n),
                        Err(_) if self.scope.binds(param) => Param::Var(param.to_owned()),
                        Err(_) => bail!(
                            "the param `{param}` of `{path}` is neither a number nor a name that `for` or a series binds"
                        ),
                    };
                    Ok(Expr::Value(case, param))
                }
                _ => bail!("`{path}`: expected alias.group.case.param"),
            }
        }

        fn call(&mut self, name: &str) -> Result<Expr> {
            let func = Func::named(name).ok_or_else(|| {
                anyhow!("unknown function `{name}`; there are ms, times, speedup, min and which")
            })?;
            self.expect('(')?;
            let mut args = Vec::new();
            if !self.eat(')') {
                loop {
                    args.push(self.expr()?);
                    if self.eat(')') {
                        break;
                    }
                    if !self.eat(',') {
                        return Err(self.error("expected `,` or `)`"));
                    }
                }
            }
            Ok(Expr::Call(func, args))
        }

        /// `alias.group.case`
        pub fn case(&mut self) -> Result<Case> {
            self.peek();
            let (parts, path) = self.path()?;
            let [alias, group, case] = parts[..] else {
                bail!("`{path}` is not a case, alias.group.case");
            };
            self.scope.case_of(alias, group, case)
        }
    }

    /// The data and the bound params an expression is evaluated with.
    #[derive(Debug, Clone)]
    pub struct Env<'a> {
        data: &'a BTreeMap<String, Data>,
        vars: BTreeMap<String, u64>,
    }

    impl<'a> Env<'a> {
        pub fn new(data: &'a BTreeMap<String, Data>) -> Env<'a> {
            Env {
                data,
                vars: BTreeMap::new(),
            }
        }

        /// This environment with `name` bound to `value`.
        pub fn with(&self, name: &str, value: u64) -> Env<'a> {
            let mut env = self.clone();
            env.vars.insert(name.to_owned(), value);
            env
        }

        fn var(&self, name: &str) -> Option<u64> {
            self.vars.get(name).copied()
        }

        fn param(&self, param: &Param) -> Option<u64> {
            match param {
                Param::Is(n) => Some(*n),
                Param::Var(name) => self.var(name),
            }
        }

        /// The params a case was measured at, in order.
        pub fn params(&self, case: &Case) -> Vec<u64> {
            self.data.get(&case.alias).map_or_else(Vec::new, |data| {
                data.series(&case.group, &case.case)
                    .into_iter()
                    .map(|(param, _)| param)
                    .collect()
            })
        }

        fn get(&self, case: &Case, param: &Param) -> Option<f64> {
            self.data
                .get(&case.alias)?
                .get(&case.group, &case.case, self.param(param)?)
        }

        fn speedup(&self, case: &Case, param: &Param) -> Option<f64> {
            let param = self.param(param)?;
            self.data
                .get(&case.alias)?
                .speedups(&case.group, &case.case)
                .into_iter()
                .find(|(p, _)| *p == param)
                .map(|(_, speedup)| speedup)
        }
    }
}

mod template {
    //! Markdown with `{expression}` placeholders, line by line; a line may
    //! begin with `{for n in …}` or `{if …}`.

    use anyhow::{Context, Result, bail};

    use super::expr::{Case, Env, Expr, Parser, Scope};

    /// A parsed template, ready to render.
    pub struct Template {
        lines: Vec<Line>,
    }

    /// One line: what repeats or drops it, and its text and placeholders.
    struct Line {
        directive: Directive,
        parts: Vec<Part>,
    }

    enum Directive {
        Once,
        /// The line for each of these params, bound to the name.
        For(String, Params),
        /// The line when the expression has a value.
        If(Expr),
    }

    /// What a `for` line repeats over.
    enum Params {
        /// The params a case was measured at.
        Of(Case),
        Listed(Vec<u64>),
    }

    enum Part {
        Text(String),
        Expr(Expr),
    }

    impl Template {
        pub fn parse(text: &str, scope: &Scope) -> Result<Template> {
            let lines = text
                .split_inclusive('\n')
                .enumerate()
                .map(|(number, line)| {
                    Line::parse(line, scope).with_context(|| format!("line {}", number + 1))
                })
                .collect::<Result<_>>()?;
            Ok(Template { lines })
        }

        /// The text, with "–" for each placeholder that lacks a value.
        pub fn render(&self, env: &Env) -> String {
            let mut out = String::new();
            for line in &self.lines {
                match &line.directive {
                    Directive::Once => line.write(env, &mut out),
                    Directive::If(expr) => {
                        if expr.eval(env).is_some() {
                            line.write(env, &mut out);
                        }
                    }
                    Directive::For(name, params) => {
                        let params = match params {
                            Params::Of(case) => env.params(case),
                            Params::Listed(params) => params.clone(),
                        };
                        for param in params {
                            line.write(&env.with(name, param), &mut out);
                        }
                    }
                }
            }
            out
        }
    }

    impl Line {
        fn parse(line: &str, scope: &Scope) -> Result<Line> {
            let mut parser = Parser::new(line, scope);
            let directive = if let Some(rest) = line.strip_prefix("{for ") {
                parser.at = line.len() - rest.len();
                let name = parser.next_word().to_owned();
                if name.is_empty() || parser.next_word() != "in" {
                    return Err(parser.error("expected `{for <name> in <alias.group.case>}`"));
                }
                Directive::For(name, params(&mut parser)?)
            } else if let Some(rest) = line.strip_prefix("{if ") {
                parser.at = line.len() - rest.len();
                let expr = parser.expr()?;
                expr.kind()?;
                Directive::If(expr)
            } else {
                Directive::Once
            };
            if !matches!(directive, Directive::Once) {
                parser.expect('}')?;
            }
            let scope = match &directive {
                Directive::For(name, _) => scope.with_var(name),
                _ => scope.clone(),
            };
            let parts = parts(&line[parser.at..], &scope)?;
            Ok(Line { directive, parts })
        }

        fn write(&self, env: &Env, out: &mut String) {
            for part in &self.parts {
                match part {
                    Part::Text(text) => out.push_str(text),
                    Part::Expr(expr) => match expr.eval(env) {
                        Some(value) => out.push_str(&value.to_string()),
                        None => out.push('–'),
                    },
                }
            }
        }
    }

    /// `alias.group.case` or `2, 4, 8`.
    fn params(parser: &mut Parser) -> Result<Params> {
        if !parser.peek().is_some_and(|c| c.is_ascii_digit()) {
            return parser.case().map(Params::Of);
        }
        let mut listed = Vec::new();
        loop {
            let n = parser.number()?;
            if n.fract() != 0.0 || n < 0.0 {
                return Err(parser.error("a param is a whole number"));
            }
            listed.push(n as u64);
            if !parser.eat(',') {
                return Ok(Params::Listed(listed));
            }
        }
    }

    /// Literal text and placeholders.
    fn parts(text: &str, scope: &Scope) -> Result<Vec<Part>> {
        let mut parts = Vec::new();
        let mut literal = String::new();
        let mut at = 0;
        while let Some(c) = text[at..].chars().next() {
            let rest = &text[at..];
            if rest.starts_with("{{") || rest.starts_with("}}") {
                literal.push(c);
                at += 2;
            } else if c == '{' {
                parts.push(Part::Text(std::mem::take(&mut literal)));
                let mut parser = Parser::new(text, scope);
                parser.at = at + 1;
                let expr = parser
                    .expr()
                    .and_then(|expr| {
                        parser.expect('}')?;
                        expr.kind()?;
                        Ok(expr)
                    })
                    .with_context(|| format!("in the placeholder `{}`", placeholder(rest)))?;
                parts.push(Part::Expr(expr));
                at = parser.at;
            } else if c == '}' {
                bail!("a `}}` without its `{{`; write `}}}}` for a brace");
            } else {
                literal.push(c);
                at += c.len_utf8();
            }
        }
        parts.push(Part::Text(literal));
        Ok(parts)
    }

    /// The start of a placeholder, to name it in an error.
    fn placeholder(text: &str) -> String {
        let end = text.find('}').map_or(text.len(), |i| i + 1);
        text[..end].trim_end().chars().take(60).collect()
    }
}

mod svg {
    //! The plots: lines through points (with guides) and bars, drawn with
    //! `plotters`' SVG backend and its built-in text layout, so no fonts are
    //! read and the bytes are the same on every machine.

    use anyhow::{Result, anyhow};
    use plotters::coord::Shift;
    use plotters::element::DashedPathElement;
    use plotters::prelude::*;
    use plotters::style::text_anchor::{HPos, Pos, VPos};

    use super::{Scale, ms};

    const WIDTH: u32 = 720;
    /// The height of a lines plot without its legend.
    const CHART_HEIGHT: u32 = 400;
    const LEGEND_ROW: i32 = 22;
    /// The legend's left edge: under the plot's, past the y axis' labels.
    const LEGEND_LEFT: i32 = 80;
    const FONT: &str = "sans-serif";

    /// One line of a plot.
    pub struct Line {
        pub label: String,
        pub points: Vec<(f64, f64)>,
        /// A reference line (grey, no markers), not a measurement.
        pub guide: bool,
    }

    /// What a lines plot says around its lines.
    pub struct Axes<'a> {
        pub title: &'a str,
        pub x_label: &'a str,
        pub y_label: &'a str,
        pub x_scale: Scale,
        pub y_scale: Scale,
    }

    /// How a line is drawn; the legend shows the same.
    #[derive(Clone, Copy)]
    struct Look {
        colour: RGBColor,
        width: u32,
        /// Dash and gap lengths; `None` is solid.
        dash: Option<(u32, u32)>,
        marker: Marker,
    }

    #[derive(Clone, Copy)]
    enum Marker {
        None,
        Dot,
        Square,
        Triangle,
        Diamond,
    }

    /// Measurements: each its colour, width, dashes and marker, so that
    /// lines on top of each other stay apart. Earlier lines are wider, so
    /// a later one that lies on one leaves it showing at the edges.
    const LOOKS: [Look; 4] = [
        Look {
            colour: RGBColor(0x1f, 0x77, 0xb4),
            width: 4,
            dash: None,
            marker: Marker::Dot,
        },
        Look {
            colour: RGBColor(0xd6, 0x27, 0x28),
            width: 3,
            dash: Some((12, 6)),
            marker: Marker::Square,
        },
        Look {
            colour: RGBColor(0x2c, 0xa0, 0x2c),
            width: 2,
            dash: Some((4, 4)),
            marker: Marker::Triangle,
        },
        Look {
            colour: RGBColor(0x94, 0x67, 0xbd),
            width: 2,
            dash: Some((16, 4)),
            marker: Marker::Diamond,
        },
    ];

    /// Reference lines: grey, thin, dashed or dotted, without markers.
    const GUIDES: [Look; 2] = [
        Look {
            colour: RGBColor(0x70, 0x70, 0x70),
            width: 2,
            dash: Some((8, 5)),
            marker: Marker::None,
        },
        Look {
            colour: RGBColor(0x40, 0x40, 0x40),
            width: 2,
            dash: Some((2, 4)),
            marker: Marker::None,
        },
    ];

    fn plot_error(error: impl std::fmt::Debug) -> anyhow::Error {
        anyhow!("cannot draw the plot: {error:?}")
    }

    /// Each line with its look: measurements first, then guides.
    fn looks(lines: &[Line]) -> Vec<(&Line, Look)> {
        let (guides, measured): (Vec<&Line>, Vec<&Line>) =
            lines.iter().partition(|line| line.guide);
        let measured = measured
            .into_iter()
            .enumerate()
            .map(|(i, line)| (line, LOOKS[i % LOOKS.len()]));
        let guides = guides
            .into_iter()
            .enumerate()
            .map(|(i, line)| (line, GUIDES[i % GUIDES.len()]));
        measured.chain(guides).collect()
    }

    /// One axis of a lines plot: where a value goes and which values are
    /// labelled. Positions count millionths of the axis, in integers,
    /// because `plotters` formats the labels of integer key points only.
    struct Axis {
        scale: Scale,
        /// The axis' ends, in the scale's units (log10 of the value on a
        /// log scale, an index on an even one).
        ends: (f64, f64),
        ticks: Vec<f64>,
        /// Decimals of the labels; `None` shows each value as it is.
        decimals: Option<usize>,
    }

    impl Axis {
        const STEPS: i32 = 1_000_000;

        /// An x axis: labelled at the measured values, ending at them with
        /// room for a marker.
        fn x(mut values: Vec<f64>, scale: Scale) -> Axis {
            values.retain(|&x| scale != Scale::Log || x > 0.0);
            values.sort_by(f64::total_cmp);
            values.dedup();
            let mut axis = Axis {
                scale,
                ends: (0.0, 1.0),
                ticks: values,
                decimals: None,
            };
            if let (Some(&first), Some(&last)) = (axis.ticks.first(), axis.ticks.last()) {
                let (first, last) = (axis.unit(first), axis.unit(last));
                let pad = if last > first {
                    (last - first) * 0.04
                } else {
                    0.5
                };
                axis.ends = (first - pad, last + pad);
            }
            axis
        }

        /// A y axis: from 0 (linear) or from below the least value (log)
        /// to just above the greatest, labelled at round values.
        fn y(values: &[f64], scale: Scale) -> Axis {
            let max = values.iter().copied().fold(0.0, f64::max);
            // Without a positive value (no measurements), any axis will do.
            let max = if max > 0.0 { max } else { 1.0 };
            if scale == Scale::Log {
                let min = values
                    .iter()
                    .copied()
                    .filter(|&y| y > 0.0)
                    .fold(max, f64::min);
                let (lo, hi) = (min.log10(), max.log10());
                let pad = ((hi - lo) * 0.08).max(0.1);
                let ends = (lo - pad, hi + pad);
                let ticks = log_ticks(ends);
                return Axis {
                    scale,
                    ends,
                    ticks,
                    decimals: None,
                };
            }
            let hi = max * 1.08;
            let magnitude = 10f64.powf((hi / 6.0).log10().floor());
            let step = [1.0, 2.0, 5.0, 10.0]
                .iter()
                .map(|m| m * magnitude)
                .find(|step| hi / step <= 8.0)
                .unwrap_or(10.0 * magnitude);
            let ticks = (0..)
                .map(|k| f64::from(k) * step)
                .take_while(|&tick| tick <= hi)
                .collect();
            Axis {
                scale: Scale::Linear,
                ends: (0.0, hi),
                ticks,
                decimals: Some((-step.log10().floor()).max(0.0) as usize),
            }
        }

        /// A value in the scale's units.
        fn unit(&self, value: f64) -> f64 {
            match self.scale {
                Scale::Linear => value,
                Scale::Log => value.log10(),
                Scale::Even => {
                    let ticks = &self.ticks;
                    match ticks.iter().position(|&t| t >= value) {
                        Some(0) => 0.0,
                        None => ticks.len().saturating_sub(1) as f64,
                        Some(i) => {
                            let (a, b) = (ticks[i - 1], ticks[i]);
                            (i - 1) as f64 + (value - a) / (b - a)
                        }
                    }
                }
            }
        }

        /// Where `value` goes, or `None` when a log axis cannot show it.
        fn at(&self, value: f64) -> Option<i32> {
            if self.scale == Scale::Log && value <= 0.0 {
                return None;
            }
            let (lo, hi) = self.ends;
            let share = (self.unit(value) - lo) / (hi - lo);
            Some((share * f64::from(Axis::STEPS)).round() as i32)
        }

        fn key_points(&self) -> Vec<i32> {
            self.ticks.iter().filter_map(|&t| self.at(t)).collect()
        }

        fn label(&self, at: i32) -> String {
            let tick = self.ticks.iter().find(|&&t| self.at(t) == Some(at));
            match (tick, self.decimals) {
                (Some(tick), Some(decimals)) => format!("{tick:.decimals$}"),
                (Some(tick), None) => format!("{tick}"),
                (None, _) => String::new(),
            }
        }
    }

    /// Round values between the ends (log10 units): the powers of ten, or
    /// if those are fewer than three, 1, 2 and 5 times them, or 1 to 9 times.
    fn log_ticks((lo, hi): (f64, f64)) -> Vec<f64> {
        let within = |mantissas: &[f64]| -> Vec<f64> {
            (lo.floor() as i32..=hi.ceil() as i32)
                .flat_map(|k| mantissas.iter().map(move |m| m * 10f64.powi(k)))
                .filter(|t| (lo..=hi).contains(&t.log10()))
                .collect()
        };
        let [powers, round, all] = [
            &[1.0][..],
            &[1.0, 2.0, 5.0],
            &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0],
        ]
        .map(within);
        [powers, round]
            .into_iter()
            .find(|ticks| ticks.len() >= 3)
            .unwrap_or(all)
    }

    /// Lines through points, the legend under the plot.
    pub fn lines(axes: &Axes, lines: &[Line]) -> Result<String> {
        let looked = looks(lines);
        let points = || lines.iter().flat_map(|line| line.points.iter().copied());
        let measured_x = lines
            .iter()
            .filter(|line| !line.guide)
            .flat_map(|line| line.points.iter().map(|&(x, _)| x));
        let x = Axis::x(measured_x.collect(), axes.x_scale);
        let y = Axis::y(&points().map(|(_, y)| y).collect::<Vec<_>>(), axes.y_scale);
        let at = |&(px, py): &(f64, f64)| Some((x.at(px)?, y.at(py)?));
        let legend = Legend::new(&looked);
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (WIDTH, CHART_HEIGHT + legend.height()))
                .into_drawing_area();
            root.fill(&WHITE).map_err(plot_error)?;
            let (upper, lower) = root.split_vertically(CHART_HEIGHT);
            let mut chart = ChartBuilder::on(&upper)
                .caption(axes.title, (FONT, 20))
                .margin(16)
                .margin_right(28)
                .x_label_area_size(48)
                .y_label_area_size(64)
                .build_cartesian_2d(
                    (0..Axis::STEPS).with_key_points(x.key_points()),
                    (0..Axis::STEPS).with_key_points(y.key_points()),
                )
                .map_err(plot_error)?;
            chart
                .configure_mesh()
                .x_desc(axes.x_label)
                .y_desc(axes.y_label)
                .label_style((FONT, 13))
                .axis_desc_style((FONT, 14))
                .x_label_formatter(&|&v| x.label(v))
                .y_label_formatter(&|&v| y.label(v))
                .light_line_style(TRANSPARENT)
                .draw()
                .map_err(plot_error)?;
            // Measurements, then the thin guides over them (an ideal that a
            // measurement meets stays in sight), then the markers.
            let measured = looked.iter().filter(|(line, _)| !line.guide);
            for (line, look) in measured.chain(looked.iter().filter(|(line, _)| line.guide)) {
                let xy: Vec<(i32, i32)> = line.points.iter().filter_map(at).collect();
                let style = look.colour.stroke_width(look.width);
                match look.dash {
                    None => chart.draw_series(LineSeries::new(xy, style)).map(|_| ()),
                    Some((dash, gap)) => chart
                        .draw_series(DashedLineSeries::new(xy, dash, gap, style))
                        .map(|_| ()),
                }
                .map_err(plot_error)?;
            }
            for (line, look) in &looked {
                for point in line.points.iter().filter_map(at) {
                    draw_marker(chart.plotting_area(), point, look)?;
                }
            }
            legend.draw(&lower)?;
            root.present().map_err(plot_error)?;
        }
        Ok(svg)
    }

    /// A marker, in pixels around a point of any drawing area.
    fn draw_marker<DB: DrawingBackend, C: CoordTranslate>(
        area: &DrawingArea<DB, C>,
        at: C::From,
        look: &Look,
    ) -> Result<()>
    where
        C::From: Clone,
    {
        let outline = look.colour.stroke_width(2);
        let path: &[(i32, i32)] = match look.marker {
            Marker::None => return Ok(()),
            Marker::Dot => {
                let dot = EmptyElement::at(at) + Circle::new((0, 0), 5, look.colour.filled());
                return area.draw(&dot).map_err(plot_error);
            }
            Marker::Square => &[(-6, -6), (6, -6), (6, 6), (-6, 6), (-6, -6)],
            Marker::Triangle => &[(0, -9), (8, 6), (-8, 6), (0, -9)],
            Marker::Diamond => &[(0, -8), (8, 0), (0, 8), (-8, 0), (0, -8)],
        };
        let shape = EmptyElement::at(at) + PathElement::new(path.to_vec(), outline);
        area.draw(&shape).map_err(plot_error)
    }

    /// The names of the lines, under the plot, in as many columns as fit.
    struct Legend<'a> {
        entries: &'a [(&'a Line, Look)],
        columns: usize,
    }

    impl<'a> Legend<'a> {
        const SAMPLE: i32 = 36;
        const FONT_SIZE: u32 = 13;

        fn new(entries: &'a [(&'a Line, Look)]) -> Legend<'a> {
            // The built-in layout cannot measure text: a character of
            // sans-serif is about half its size wide.
            let longest = entries
                .iter()
                .map(|(line, _)| line.label.chars().count())
                .max()
                .unwrap_or(0);
            let needed = Self::SAMPLE as f64 + 16.0 + longest as f64 * 0.5 * Self::FONT_SIZE as f64;
            let columns = if needed * 2.0 <= (WIDTH as i32 - LEGEND_LEFT) as f64 {
                2
            } else {
                1
            };
            Legend { entries, columns }
        }

        fn height(&self) -> u32 {
            let rows = self.entries.len().div_ceil(self.columns);
            rows as u32 * LEGEND_ROW as u32 + 12
        }

        fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> Result<()> {
            let rows = self.entries.len().div_ceil(self.columns);
            let column_width = (WIDTH as i32 - LEGEND_LEFT) / self.columns as i32;
            for (i, (line, look)) in self.entries.iter().enumerate() {
                let (column, row) = ((i / rows) as i32, (i % rows) as i32);
                let (x, y) = (
                    LEGEND_LEFT + column * column_width,
                    4 + LEGEND_ROW / 2 + row * LEGEND_ROW,
                );
                let sample = [(x, y), (x + Self::SAMPLE, y)];
                let style = look.colour.stroke_width(look.width.min(3));
                match look.dash {
                    None => area.draw(&PathElement::new(sample.to_vec(), style)),
                    Some((dash, gap)) => {
                        area.draw(&DashedPathElement::new(sample, dash, gap, style))
                    }
                }
                .map_err(plot_error)?;
                draw_marker(area, (x + Self::SAMPLE / 2, y), look)?;
                let font = (FONT, Self::FONT_SIZE)
                    .into_font()
                    .color(&BLACK)
                    .pos(Pos::new(HPos::Left, VPos::Center));
                area.draw(&Text::new(
                    line.label.as_str(),
                    (x + Self::SAMPLE + 10, y),
                    font,
                ))
                .map_err(plot_error)?;
            }
            Ok(())
        }
    }

    /// Horizontal bars, one per `(label, ms)`, in the order given.
    pub fn bars(title: &str, bars: &[(String, f64)]) -> Result<String> {
        let x_max = bars.iter().map(|(_, v)| *v).fold(0.0, f64::max).max(1e-9) * 1.04;
        let rows = bars.len().max(1);
        let mut svg = String::new();
        {
            let height = 96 + 44 * rows as u32;
            let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
            root.fill(&WHITE).map_err(plot_error)?;
            let mut chart = ChartBuilder::on(&root)
                .caption(title, (FONT, 18))
                .margin(16)
                .margin_right(28)
                .x_label_area_size(36)
                .y_label_area_size(0)
                .build_cartesian_2d(0.0..x_max, 0.0..rows as f64)
                .map_err(plot_error)?;
            let decimals = if x_max >= 10.0 { 0 } else { 1 };
            chart
                .configure_mesh()
                .disable_y_mesh()
                .disable_y_axis()
                .label_style((FONT, 13))
                .x_label_formatter(&|v| format!("{v:.decimals$}"))
                .light_line_style(TRANSPARENT)
                .draw()
                .map_err(plot_error)?;
            for (index, (label, value)) in bars.iter().enumerate() {
                let top = (rows - index) as f64 - 0.15;
                let bottom = top - 0.7;
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(0.0, bottom), (*value, top)],
                        LOOKS[0].colour.mix(0.35).filled(),
                    )))
                    .map_err(plot_error)?;
                chart
                    .draw_series(std::iter::once(Text::new(
                        format!("{label}: {}", ms(*value)),
                        (x_max * 0.01, top - 0.2),
                        (FONT, 15).into_font().color(&BLACK),
                    )))
                    .map_err(plot_error)?;
            }
            root.present().map_err(plot_error)?;
        }
        Ok(svg)
    }
}

#[cfg(test)]
mod tests {
    use super::expr::{Env, Scope, Value};
    use super::*;

    const CSV: &str = "group,case,param,ms\ncpu,a,1,10\ncpu,a,2,5.0\ncpu,a,4,4\ncpu,b,1,3\n";

    fn sample() -> BTreeMap<String, Data> {
        BTreeMap::from([("d".to_owned(), Data::parse(CSV).unwrap())])
    }

    /// `text` evaluated against [`CSV`] as `d`, shown as a placeholder is.
    fn eval(text: &str) -> String {
        let data = sample();
        let scope = Scope::new(vec!["d".to_owned()]);
        let expr = scope.parse(text).unwrap();
        expr.eval(&Env::new(&data))
            .map_or_else(|| "–".to_owned(), |value| value.to_string())
    }

    /// The whole chain of a parse error, as `anyhow` prints it with `{:#}`.
    fn error(text: &str) -> String {
        let scope = Scope::new(vec!["d".to_owned()]);
        format!("{:#}", scope.parse(text).unwrap_err())
    }

    #[test]
    fn reads_csv_and_computes_speedups() {
        let data = Data::parse(CSV).unwrap();
        assert_eq!(data.get("cpu", "a", 2), Some(5.0));
        assert_eq!(data.speedups("cpu", "a"), [(1, 1.0), (2, 2.0), (4, 2.5)]);
        assert!(Data::parse("group,case,param,ms\ncpu,a,x,1\n").is_err());
        assert!(Data::parse("group,case,param,ms\ncpu,a,1\n").is_err());
    }

    #[test]
    fn durations_and_ratios_read_well() {
        assert_eq!(ms(332.55), "333 ms");
        assert_eq!(ms(5.068), "5.1 ms");
        assert_eq!(ms(0.0092), "9.2 µs");
        assert_eq!(ms(0.000002), "2.0 ns");
        assert_eq!(times(158.3), "158×");
        assert_eq!(times(1.976), "1.98×");
        assert_eq!(count(1_000_000.0), "1 000 000");
        assert_eq!(count(999.4), "999");
        assert_eq!(count(-12345.0), "-12 345");
        assert_eq!(count(0.0), "0");
    }

    #[test]
    fn a_comparison_splits_at_its_one_relation() {
        assert_eq!(
            Relation::split("d.cpu.a.1 / 2 >= d.cpu.a.4").unwrap(),
            ("d.cpu.a.1 / 2", Relation::GreaterOrEqual, "d.cpu.a.4")
        );
        assert_eq!(
            Relation::split("which(d.cpu.a.1, \"<\") < 3").unwrap().1,
            Relation::Less
        );
        assert!(Relation::split("d.cpu.a.1").is_err());
        assert!(Relation::split("1 < 2 < 3").is_err());
    }

    const CLAIMS: &str = r#"
[csv]
d = "demo-data"

[[claim]]
name = "four_beat_one"
holds = "d.cpu.a.4 < d.cpu.a.1"
text = "- Four threads took {ms(d.cpu.a.4)}, less than one thread's {ms(d.cpu.a.1)}."
"#;

    /// The scratch project of [`project`] as a course of one chapter.
    fn course_of_one(root: &Path) -> Course {
        fs::write(
            root.join("course.toml"),
            "[course]\ntitle = \"t\"\ntagline = \"t\"\n[syllabus]\n[[chapter]]\nid = \"demo\"\ntitle = \"Demo\"\n",
        )
        .unwrap();
        Course::load(root).unwrap()
    }

    #[test]
    fn a_claim_is_drawn_between_anchors_and_fails_verify_once_the_data_contradict_it() {
        let root = project(CLAIMS, "");
        let course = course_of_one(root.path());
        let drawing = render(root.path(), "demo").unwrap();
        assert_eq!(
            drawing.broken,
            Vec::<String>::new(),
            "4 ms is less than 10 ms"
        );
        assert_eq!(
            drawing.files[0].contents,
            "<!-- ANCHOR: four_beat_one -->\n- Four threads took 4.0 ms, less than one thread's 10.0 ms.\n<!-- ANCHOR_END: four_beat_one -->\n"
        );
        generated::write(root.path(), &drawing.files).unwrap();
        assert_eq!(stale(root.path(), &course).unwrap(), Vec::<String>::new());

        // A measurement edited so that the claim's direction flips.
        let csv = root.path().join(DIR).join("demo-data.csv");
        fs::write(&csv, CSV.replace("cpu,a,4,4", "cpu,a,4,12")).unwrap();
        let problems = stale(root.path(), &course).unwrap().join("\n");
        assert!(
            problems.contains("solutions/demo/figures.toml: claim `four_beat_one` no longer holds"),
            "{problems}"
        );

        // One the data cannot speak to is no better.
        fs::write(&csv, CSV.replace("cpu,a,4,4\n", "")).unwrap();
        let problems = stale(root.path(), &course).unwrap().join("\n");
        assert!(
            problems.contains("claim `four_beat_one` cannot be checked"),
            "{problems}"
        );
    }

    #[test]
    fn expressions_compute_and_format() {
        assert_eq!(eval("d.cpu.a.1"), "10");
        assert_eq!(eval("1 + 2 * 3 - (4 - 1) / 3"), "6");
        assert_eq!(eval("-d.cpu.b.1 + 1e1"), "7");
        assert_eq!(eval("ms(d.cpu.a.2)"), "5.0 ms");
        assert_eq!(eval("times(d.cpu.a.1 / d.cpu.b.1)"), "3.33×");
        assert_eq!(eval("times(speedup(d.cpu.a.4))"), "2.50×");
        assert_eq!(eval("min(d.cpu.a.2, d.cpu.zz.1, d.cpu.b.1)"), "3");
        assert_eq!(
            eval("ms(d.cpu.a.1) + \" (\" + times(2) + \")\""),
            "10.0 ms (2.00×)"
        );
        assert_eq!(
            eval("which(d.cpu.a.8, \"eight\", d.cpu.a.4, \"four\")"),
            "four"
        );
    }

    #[test]
    fn a_missing_measurement_makes_the_whole_expression_missing() {
        assert_eq!(eval("ms(d.cpu.a.3)"), "–");
        assert_eq!(eval("times(d.cpu.a.1 / d.cpu.b.2)"), "–");
        assert_eq!(eval("ms(d.cpu.a.1) + \" and \" + ms(d.cpu.b.2)"), "–");
        assert_eq!(eval("speedup(d.io.a.2)"), "–");
        assert_eq!(eval("min(d.cpu.zz.1, d.cpu.zz.2)"), "–");
        assert_eq!(eval("which(d.cpu.a.8, \"eight\")"), "–");
        assert_eq!(eval("d.cpu.a.1 + d.nope.a.1"), "–");
    }

    #[test]
    fn a_bad_expression_says_what_is_wrong() {
        let cases = [
            ("ms(x.cpu.a.1)", "unknown CSV alias `x`; [csv] names d"),
            ("mean(d.cpu.a.1)", "unknown function `mean`"),
            ("ms(d.cpu.a.1", "expected `,` or `)`, found the end"),
            ("(1 + 2", "expected `)`, found the end"),
            ("1 +", "expected a number"),
            ("ms(1) 2", "expected the end at `2`"),
            ("ms(\"a\")", "`ms` takes one number"),
            ("ms(1) + 2", "`+` needs two numbers or two texts"),
            ("\"a\" * 2", "`*` needs two numbers"),
            ("speedup(2)", "`speedup` takes one measurement"),
            ("which(d.cpu.a.1, 2)", "`which` takes pairs"),
            ("d.cpu.a", "`d.cpu.a` is a case"),
            (
                "d.cpu.a.n",
                "the param `n` of `d.cpu.a.n` is neither a number",
            ),
            ("n", "unknown name `n`"),
            ("\"open", "without its closing"),
        ];
        for (text, expected) in cases {
            let message = error(text);
            assert!(message.contains(expected), "`{text}` gave: {message}");
            assert!(
                message.starts_with(&format!("in `{text}`")),
                "the message names the expression: {message}"
            );
        }
    }

    #[test]
    fn lets_and_bound_params_are_names() {
        let data = sample();
        let mut scope = Scope::new(vec!["d".to_owned()]);
        scope.define("base", "d.cpu.a.1").unwrap();
        let expr = scope.with_var("n").parse("base / d.cpu.a.n").unwrap();
        let env = Env::new(&data).with("n", 2);
        assert_eq!(expr.eval(&env), Some(Value::Number(2.0)));
        let message = format!("{:#}", scope.define("again", "base * 2").unwrap_err());
        assert!(message.contains("unknown name `base`"), "{message}");
    }

    fn template(text: &str) -> Result<String> {
        let data = sample();
        let scope = Scope::new(vec!["d".to_owned()]);
        Ok(template::Template::parse(text, &scope)?.render(&Env::new(&data)))
    }

    #[test]
    fn a_line_repeats_over_a_cases_params_or_listed_ones() {
        let text = "| n | time |\n\
                    {for n in d.cpu.a}| {n} | {ms(d.cpu.a.n)} |\n\
                    {for n in 1, 3}| {n} | {ms(d.cpu.a.n)} |\n";
        assert_eq!(
            template(text).unwrap(),
            "| n | time |\n| 1 | 10.0 ms |\n| 2 | 5.0 ms |\n| 4 | 4.0 ms |\n| 1 | 10.0 ms |\n| 3 | – |\n"
        );
    }

    #[test]
    fn a_line_can_depend_on_a_measurement_and_braces_can_be_written() {
        let text = "{if d.cpu.b.1}b: {ms(d.cpu.b.1)}\n{if d.cpu.b.2}never\n{{literal}} {1}\n";
        assert_eq!(template(text).unwrap(), "b: 3.0 ms\n{literal} 1\n");
    }

    #[test]
    fn a_bad_template_names_its_line_and_placeholder() {
        let message = format!("{:#}", template("ok\n| {ms(d.cpu)} |\n").unwrap_err());
        assert!(
            message.starts_with("line 2: in the placeholder `{ms(d.cpu)}`"),
            "{message}"
        );
        let message = format!("{:#}", template("a } b\n").unwrap_err());
        assert!(message.contains("write `}}` for a brace"), "{message}");
        let message = format!("{:#}", template("{for n of d.cpu.a}x\n").unwrap_err());
        assert!(message.contains("expected `{for <name> in"), "{message}");
    }

    #[test]
    fn the_core_count_comes_from_the_run_note() {
        let note = "Measured on 2026-11-22 by `cargo xtask bench x` (9 s) on linux x86_64, 16 logical CPUs (AMD EPYC), rustc 1.95.0.";
        assert_eq!(cores(note), Some(16));
        assert_eq!(cores("on linux, logical CPUs unknown"), None);
        assert_eq!(cores(""), None);
    }

    /// A scratch project with one chapter, `demo`: its figures.toml, CSV
    /// file and run note.
    fn project(spec: &str, run_note: &str) -> tempfile::TempDir {
        let root = tempfile::tempdir().unwrap();
        fs::create_dir_all(root.path().join("solutions/demo")).unwrap();
        fs::create_dir_all(root.path().join(DIR)).unwrap();
        fs::write(root.path().join("solutions/demo/figures.toml"), spec).unwrap();
        fs::write(root.path().join(DIR).join("demo-data.csv"), CSV).unwrap();
        fs::write(root.path().join(DIR).join("demo-run.md"), run_note).unwrap();
        root
    }

    const SPEC: &str = r#"
[csv]
d = "demo-data"

[let]
one = "d.cpu.a.1"

[[markdown]]
file = "demo.md"
text = '''
| threads | time | speed-up |
|---|---|---|
{for n in d.cpu.a}| {n} | {ms(d.cpu.a.n)} | {times(one / d.cpu.a.n)} |
'''

[[plot]]
file = "demo-lines.svg"
kind = "lines"
title = "Lines"
x_label = "threads"
y_label = "ms"
x_scale = "even"
y_scale = "log"
series = [
    { label = "a", points = "d.cpu.a" },
    { label = "b", points = "d.cpu.b", y = "2 * d.cpu.b.x" },
    { label = "a guide", points = "d.cpu.a", y = "10 / x", guide = true },
]

[[plot]]
file = "demo-speedup.svg"
kind = "speedup"
title = "Speed-up"
x_label = "threads"
y_label = "speed-up"
ideal = "ideal: the threads"
series = [{ label = "a", points = "d.cpu.a" }]

[[plot]]
file = "demo-bars.svg"
kind = "bars"
title = "Bars"
bars = [{ label = "x", value = "d.cpu.b.1" }, { label = "missing", value = "d.cpu.b.9" }]
"#;

    #[test]
    fn a_chapters_figures_are_drawn_the_same_every_time() {
        let root = project(SPEC, "on linux x86_64, 2 logical CPUs.\n");
        let drawing = render(root.path(), "demo").unwrap();
        assert_eq!(drawing.sources, ["demo-data.csv"]);
        let names: Vec<String> = drawing
            .files
            .iter()
            .map(|file| file.path.display().to_string())
            .collect();
        assert_eq!(
            names,
            [
                "demo.md",
                "demo-lines.svg",
                "demo-speedup.svg",
                "demo-bars.svg"
            ]
            .map(|name| format!("{DIR}/{name}"))
        );
        assert_eq!(
            drawing.files[0].contents,
            "| threads | time | speed-up |\n|---|---|---|\n| 1 | 10.0 ms | 1.00× |\n| 2 | 5.0 ms | 2.00× |\n| 4 | 4.0 ms | 2.50× |\n"
        );
        for file in &drawing.files[1..] {
            assert!(
                file.contents.starts_with("<svg"),
                "{} is an SVG",
                file.path.display()
            );
        }
        let speedup = &drawing.files[2].contents;
        assert!(speedup.contains("2 cores: the ceiling"), "{speedup}");
        assert!(speedup.contains("ideal: the threads"), "{speedup}");
        let bars = &drawing.files[3].contents;
        assert!(
            bars.contains("x: 3.0 ms") && !bars.contains("missing"),
            "{bars}"
        );
        let again = render(root.path(), "demo").unwrap();
        for (first, second) in drawing.files.iter().zip(&again.files) {
            assert_eq!(first.contents, second.contents, "{}", first.path.display());
        }
    }

    #[test]
    fn without_a_core_count_no_ceiling_is_drawn() {
        let root = project(SPEC, "Measured somewhere.\n");
        let drawing = render(root.path(), "demo").unwrap();
        assert!(
            !drawing.files[2].contents.contains("ceiling"),
            "no core line"
        );
    }

    #[test]
    fn a_chapter_without_figures_has_none() {
        let root = tempfile::tempdir().unwrap();
        let drawing = render(root.path(), "demo").unwrap();
        assert!(
            drawing.files.is_empty() && drawing.sources.is_empty(),
            "an empty drawing"
        );
    }

    #[test]
    fn a_mistake_in_a_figures_file_names_the_file_and_the_figure() {
        let cases = [
            (
                SPEC.replace("{ms(d.cpu.a.n)}", "{ms(e.cpu.a.n)}"),
                "figure demo.md: line 3",
            ),
            (
                SPEC.replace("10 / x", "10 / y"),
                "figure demo-lines.svg: series `a guide`",
            ),
            (
                SPEC.replace("kind = \"bars\"", "kind = \"pie\""),
                "not a valid figures file",
            ),
            (
                SPEC.replace("title = \"Bars\"", "title = \"Bars\"\nx_label = \"ms\""),
                "a plot of kind Bars has no `x_label`",
            ),
            (SPEC.replace("\"d.cpu.a.1\"", "\"d.cpu.a.\""), "[let] one"),
        ];
        for (spec, expected) in cases {
            let root = project(&spec, "");
            let message = format!("{:#}", render(root.path(), "demo").unwrap_err());
            assert!(
                message.contains("solutions/demo/figures.toml") && message.contains(expected),
                "expected `{expected}` in: {message}"
            );
        }
    }

    #[test]
    fn stale_finds_outdated_figures_and_files_that_nothing_writes() {
        let root = project(SPEC, "");
        let course = course_of_one(root.path());
        let drawing = render(root.path(), "demo").unwrap();
        generated::write(root.path(), &drawing.files).unwrap();
        assert_eq!(stale(root.path(), &course).unwrap(), Vec::<String>::new());
        let csv = root.path().join(DIR).join("demo-data.csv");
        fs::write(&csv, CSV.replace("cpu,a,4,4", "cpu,a,4,5")).unwrap();
        fs::write(root.path().join(DIR).join("old.csv"), "").unwrap();
        let problems = stale(root.path(), &course).unwrap().join("\n");
        assert!(
            problems.contains(&format!("{DIR}/demo.md is out of date")),
            "{problems}"
        );
        assert!(
            problems.contains(&format!(
                "{DIR}/old.csv: no benchmark, script or figure writes it"
            )) && problems.contains("solutions/<chapter>/figures.toml"),
            "{problems}"
        );
    }

    #[test]
    fn every_chapters_figures_file_draws() {
        let root = crate::project_root();
        // A student's copy (`export --student`) has no solutions, mutants
        // or figure data: this checks the teacher's copy.
        if crate::teacher::export::is_student_copy(&root) {
            return;
        }
        let course = Course::load(&root).unwrap();
        let mut drawn = 0;
        for chapter in course.built() {
            let drawing = render(&root, &chapter.id)
                .unwrap_or_else(|error| panic!("{}: {error:#}", chapter.id));
            let declared = root
                .join("solutions")
                .join(&chapter.id)
                .join("figures.toml")
                .is_file();
            assert_eq!(
                !drawing.files.is_empty(),
                declared,
                "{}: a figures.toml draws something",
                chapter.id
            );
            drawn += drawing.files.len();
        }
        assert!(drawn > 0, "no chapter declares figures");
    }
}
