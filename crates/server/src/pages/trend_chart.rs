//! Trend charts for check-ins (E4): plain data for an SVG the template draws on the server, with
//! a table as the text alternative. No JavaScript.

use attune_domain::checkin::notable_gap;

use crate::services::checkins::{CheckinAnswers, Trends};

/// Width and height of the drawing area in SVG units.
pub const WIDTH: i64 = 320;
/// See [`WIDTH`].
pub const HEIGHT: i64 = 150;
const LEFT: i64 = 28;
const RIGHT: i64 = 12;
const TOP: i64 = 10;
const BOTTOM: i64 = 24;

/// One member's line.
pub struct Series {
    /// The member's name (escaped by the template).
    pub name: String,
    /// A class picking colour and marker (`s0` … `s7`).
    pub class: String,
    /// The polyline's points, `x,y x,y`.
    pub points: String,
    /// Each point: `(x, y, value)`.
    pub dots: Vec<(i64, i64, u8)>,
}

/// One chart: a scale over rounds, one line per member.
pub struct Chart {
    /// Element id prefix.
    pub id: &'static str,
    /// Heading.
    pub title: &'static str,
    /// Lines.
    pub series: Vec<Series>,
    /// X-axis labels `(x, "Round n")`.
    pub rounds: Vec<(i64, i64)>,
    /// Y grid lines `(y, value)` for 1..=5.
    pub grid: Vec<(i64, u8)>,
    /// The text alternative: one row per round, one cell per member ("—" when skipped).
    pub table: Vec<(i64, Vec<String>)>,
    /// Member names for the table header.
    pub names: Vec<String>,
    /// A gentle note when members' latest answers are far apart.
    pub gap_note: Option<String>,
}

fn y_of(v: u8) -> i64 {
    let inner = HEIGHT - TOP - BOTTOM;
    TOP + inner - (i64::from(v) - 1) * inner / 4
}

fn x_of(i: usize, n: usize) -> i64 {
    let inner = WIDTH - LEFT - RIGHT;
    if n <= 1 {
        LEFT + inner / 2
    } else {
        LEFT + (i as i64) * inner / (n as i64 - 1)
    }
}

/// Builds the four charts: comfort, alignment, feeling heard, fair say.
pub fn charts(t: &Trends) -> Vec<Chart> {
    type Pick = fn(&CheckinAnswers) -> Option<u8>;
    let metrics: [(&str, &str, Pick, Option<&str>); 4] = [
        ("comfort", "Comfort", |a| a.comfort, None),
        ("alignment", "In step", |a| a.alignment, None),
        ("heard", "Feeling heard", |a| a.heard, Some("feeling heard")),
        (
            "fair",
            "A fair say",
            |a| a.fair_say,
            Some("having a fair say"),
        ),
    ];
    let n = t.points.len();
    metrics
        .iter()
        .map(|(id, title, pick, gap_words)| {
            let series = t
                .members
                .iter()
                .enumerate()
                .map(|(mi, (member, name))| {
                    let dots: Vec<(i64, i64, u8)> = t
                        .points
                        .iter()
                        .enumerate()
                        .filter_map(|(i, p)| {
                            let v = p.values.iter().find(|(m, _)| m == member).and_then(|(_, a)| pick(a))?;
                            // Members' dots sit side by side, so equal answers never hide each other.
                            let offset = (mi as i64) * 8 - (t.members.len() as i64 - 1) * 4;
                            Some((x_of(i, n) + offset, y_of(v), v))
                        })
                        .collect();
                    Series {
                        name: name.clone(),
                        class: format!("s{}", mi % 8),
                        points: dots.iter().map(|(x, y, _)| format!("{x},{y}")).collect::<Vec<_>>().join(" "),
                        dots,
                    }
                })
                .collect();
            let table = t
                .points
                .iter()
                .map(|p| {
                    let cells = t
                        .members
                        .iter()
                        .map(|(member, _)| {
                            p.values
                                .iter()
                                .find(|(m, _)| m == member)
                                .and_then(|(_, a)| pick(a))
                                .map(|v| v.to_string())
                                .unwrap_or_else(|| "—".into())
                        })
                        .collect();
                    (p.number, cells)
                })
                .collect();
            let latest: Vec<u8> = t
                .points
                .last()
                .map(|p| p.values.iter().filter_map(|(_, a)| pick(a)).collect())
                .unwrap_or_default();
            let gap_note = gap_words.filter(|_| notable_gap(&latest)).map(|w| {
                format!("Last time your answers on {w} were some way apart. That can be worth a gentle conversation — start by asking how it was for the other person.")
            });
            Chart {
                id,
                title,
                series,
                rounds: t.points.iter().enumerate().map(|(i, p)| (x_of(i, n), p.number)).collect(),
                grid: (1..=5).map(|v| (y_of(v), v)).collect(),
                table,
                names: t.members.iter().map(|(_, n)| n.clone()).collect(),
                gap_note,
            }
        })
        .collect()
}
