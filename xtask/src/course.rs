//! The course map (`course.toml`): chapters, exercises, hints, syllabus ids.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::Deserialize;

/// The whole course, in order.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Course {
    pub course: About,
    /// Syllabus ids by chapter id (or a course-wide group such as `whole-course`).
    pub syllabus: BTreeMap<String, Vec<String>>,
    #[serde(rename = "chapter")]
    pub chapters: Vec<Chapter>,
    /// Book pages that cover course-wide ids (`whole-course`): the map, the
    /// decision guide. Only `kind = "book"` makes sense here.
    #[serde(default, rename = "counterpart")]
    pub counterparts: Vec<Counterpart>,
    /// Old chapter ids and the ids they became, so that a name from before
    /// a renumbering gets pointed at its chapter.
    #[serde(default)]
    pub renamed: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct About {
    pub title: String,
    pub tagline: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chapter {
    /// The chapter crate's package name and folder, e.g. `ch01-threads`.
    pub id: String,
    pub title: String,
    /// Announced but not built yet.
    #[serde(default)]
    pub planned: bool,
    /// One line on what the chapter will teach; the map shows it for a
    /// planned chapter.
    pub scope: Option<String>,
    /// The chapter's page under `book/src/`.
    pub page: Option<String>,
    #[serde(default, rename = "exercise")]
    pub exercises: Vec<Exercise>,
    /// Modules of the chapter crate that are given code, not exercises
    /// (the worker's task registry, say).
    #[serde(default)]
    pub given: Vec<String>,
    /// Demos, benchmarks, compile-fail lessons and book pages that teach
    /// syllabus ids besides the exercises.
    #[serde(default, rename = "counterpart")]
    pub counterparts: Vec<Counterpart>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// The module and file name in the chapter crate, e.g. `downloads`.
    pub name: String,
    pub title: String,
    pub kind: ExerciseKind,
    pub covers: Vec<String>,
    /// Two or three steps towards a solution, each one further than the
    /// last; `cargo xtask hint` shows the next one each time.
    pub hints: Vec<String>,
    /// What the exercise is worth in `cargo xtask grade`'s score (1 when
    /// not given), shared equally among its graded tests.
    pub weight: Option<u32>,
}

impl Exercise {
    /// Its weight in a grade: 1 unless `course.toml` says otherwise.
    pub fn weight(&self) -> u32 {
        self.weight.unwrap_or(1)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExerciseKind {
    /// Fill in the `todo!()`s.
    Implement,
    /// The starter compiles and is wrong.
    Fix,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counterpart {
    pub kind: CounterpartKind,
    pub name: String,
    pub covers: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CounterpartKind {
    /// `solutions/<chapter>/examples/<name>.rs`
    Demo,
    /// `solutions/<chapter>/benches/<name>.rs`
    Bench,
    /// `chapters/<chapter>/tests/ui/<name>.rs`
    Lesson,
    /// `book/src/<name>`
    Book,
}

/// What a name on the command line refers to.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    Course,
    Chapter(&'a Chapter),
    Exercise(&'a Chapter, &'a Exercise),
}

impl Course {
    pub fn load(root: &Path) -> Result<Course> {
        let path = root.join("course.toml");
        let text =
            fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        toml::from_str(&text)
            .with_context(|| format!("{} is not a valid course map", path.display()))
    }

    /// The chapters and exercises a target names: every built chapter with
    /// all its exercises, one chapter, or one exercise.
    pub fn select<'a>(&'a self, target: Target<'a>) -> Vec<(&'a Chapter, Vec<&'a Exercise>)> {
        match target {
            Target::Course => self
                .built()
                .map(|chapter| (chapter, chapter.exercises.iter().collect()))
                .collect(),
            Target::Chapter(chapter) => vec![(chapter, chapter.exercises.iter().collect())],
            Target::Exercise(chapter, exercise) => vec![(chapter, vec![exercise])],
        }
    }

    /// The chapters that exist as crates.
    pub fn built(&self) -> impl Iterator<Item = &Chapter> {
        self.chapters.iter().filter(|chapter| !chapter.planned)
    }

    /// The width of the exercise-name column in the map and in `check`.
    pub fn name_width(&self) -> usize {
        self.exercises()
            .map(|(_, exercise)| exercise.name.chars().count())
            .max()
            .unwrap_or(0)
    }

    /// Every exercise of the built chapters, in course order.
    pub fn exercises(&self) -> impl Iterator<Item = (&Chapter, &Exercise)> {
        self.built().flat_map(|chapter| {
            chapter
                .exercises
                .iter()
                .map(move |exercise| (chapter, exercise))
        })
    }

    /// Finds a chapter (`ch01-threads`, or `threads`) or an exercise
    /// (`downloads`) by name; `None` means the whole course.
    pub fn find(&self, name: Option<&str>) -> Result<Target<'_>> {
        let Some(name) = name else {
            return Ok(Target::Course);
        };
        for chapter in &self.chapters {
            if chapter.id == name || chapter.short_name() == name {
                if chapter.planned {
                    bail!(
                        "chapter `{}` ({}) is not written yet",
                        chapter.id,
                        chapter.title
                    );
                }
                return Ok(Target::Chapter(chapter));
            }
        }
        if let Some((chapter, exercise)) = self.exercises().find(|(_, e)| e.name == name) {
            return Ok(Target::Exercise(chapter, exercise));
        }
        if let Some(new) = self.renamed.get(name) {
            bail!(
                "chapter `{name}` is called `{new}` since the chapters were renumbered; did you mean `{new}`?"
            );
        }
        let valid: Vec<&str> = self
            .built()
            .map(|chapter| chapter.id.as_str())
            .chain(self.exercises().map(|(_, exercise)| exercise.name.as_str()))
            .collect();
        let mut message = format!("no chapter or exercise named `{name}`");
        if let Some(closest) = closest(name, &valid) {
            message.push_str(&format!("; did you mean `{closest}`?"));
        }
        message.push_str(&format!("\nvalid names: {}", valid.join(", ")));
        bail!(message)
    }

    /// The built chapters `name` selects: one chapter, or all of them when
    /// `name` is `None`. For commands that work on whole chapters, which say
    /// so in `whole` when given an exercise.
    pub fn chapters_named(&self, name: Option<&str>, whole: &str) -> Result<Vec<&Chapter>> {
        match self.find(name)? {
            Target::Course => Ok(self.built().collect()),
            Target::Chapter(chapter) => Ok(vec![chapter]),
            Target::Exercise(..) => bail!("{whole}: name a chapter, or none for all"),
        }
    }

    /// Finds an exercise by name, with the same suggestions as [`Course::find`].
    pub fn find_exercise(&self, name: &str) -> Result<(&Chapter, &Exercise)> {
        match self.find(Some(name))? {
            Target::Exercise(chapter, exercise) => Ok((chapter, exercise)),
            _ => bail!("`{name}` is a chapter; name one of its exercises"),
        }
    }
}

impl Chapter {
    /// `threads` for `ch01-threads`.
    pub fn short_name(&self) -> &str {
        self.id
            .split_once('-')
            .map_or(self.id.as_str(), |(_, rest)| rest)
    }

    /// The package that holds the learner's code.
    pub fn package(&self) -> &str {
        &self.id
    }

    /// The package that holds the reference solution.
    pub fn solution_package(&self) -> String {
        format!("{}-solution", self.id)
    }

    pub fn starter_dir(&self, root: &Path) -> PathBuf {
        root.join("chapters").join(&self.id)
    }

    pub fn solution_dir(&self, root: &Path) -> PathBuf {
        root.join("solutions").join(&self.id)
    }
}

impl Exercise {
    /// The learner's file, relative to the workspace root.
    pub fn starter_file(&self, chapter: &Chapter) -> PathBuf {
        Path::new("chapters")
            .join(&chapter.id)
            .join("src")
            .join(format!("{}.rs", self.name))
    }

    /// The reference solution's file, relative to the workspace root.
    pub fn solution_file(&self, chapter: &Chapter) -> PathBuf {
        Path::new("solutions")
            .join(&chapter.id)
            .join("src")
            .join(format!("{}.rs", self.name))
    }
}

impl Counterpart {
    /// Where the counterpart lives, relative to the workspace root.
    pub fn path(&self, chapter: &Chapter) -> PathBuf {
        let name = &self.name;
        match self.kind {
            CounterpartKind::Demo => Path::new("solutions")
                .join(&chapter.id)
                .join(format!("examples/{name}.rs")),
            CounterpartKind::Bench => Path::new("solutions")
                .join(&chapter.id)
                .join(format!("benches/{name}.rs")),
            CounterpartKind::Lesson => Path::new("chapters")
                .join(&chapter.id)
                .join(format!("tests/ui/{name}.rs")),
            CounterpartKind::Book => Path::new("book/src").join(name),
        }
    }
}

/// The valid name closest to `name`, if any is close enough to be a typo.
pub fn closest<'a>(name: &str, valid: &[&'a str]) -> Option<&'a str> {
    valid
        .iter()
        .map(|candidate| (edit_distance(name, candidate), *candidate))
        .filter(|(distance, candidate)| *distance <= 2.max(candidate.len() / 3))
        .min()
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != *cb);
            current.push(substitute.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_name_for_a_typo() {
        let valid = ["downloads", "arguments", "ch01-threads"];
        assert_eq!(closest("downlods", &valid), Some("downloads"));
        assert_eq!(closest("argument", &valid), Some("arguments"));
        assert_eq!(closest("zzz", &valid), None);
    }

    #[test]
    fn an_old_chapter_id_points_at_the_new_one() {
        let course = Course::load(&crate::project_root()).unwrap();
        for (old, new) in &course.renamed {
            let error = course.find(Some(old)).unwrap_err().to_string();
            assert!(
                error.contains(&format!("did you mean `{new}`")),
                "`{old}` should point at `{new}`: {error}"
            );
        }
        assert!(
            !course.renamed.is_empty(),
            "the renumbering's old ids are listed"
        );
    }

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }
}
