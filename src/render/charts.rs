//! Charts as accessible SVG (plotters): `role="img"`, a title and a description,
//! the Analysis Function palette, and dark outlines so every mark keeps 3:1
//! contrast against white. Values come from the chart's own data table.

use super::doc::{series_colour, Chart, ChartKind, Value, PALETTE};
use plotters::prelude::*;

const WIDTH: u32 = 760;
const INK: RGBColor = RGBColor(0x0b, 0x0c, 0x0c);
const OUTLINE: RGBColor = RGBColor(0x3D, 0x3D, 0x3D);

fn hex(s: &str) -> RGBColor {
    let v = u32::from_str_radix(s.trim_start_matches('#'), 16).unwrap_or(0);
    RGBColor((v >> 16) as u8, (v >> 8) as u8, v as u8)
}

/// Whether ink text on a fill has more contrast than white text (WCAG's
/// relative luminance: white on the palette's teal or orange is under 4.5:1).
fn light(c: RGBColor) -> bool {
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2);
    let ink = 0.2126 * lin(INK.0) + 0.7152 * lin(INK.1) + 0.0722 * lin(INK.2);
    // Contrast with white against contrast with ink.
    1.05 / (l + 0.05) < (l + 0.05) / (ink + 0.05)
}

fn colour(series: &str, i: usize) -> RGBColor {
    hex(series_colour(series, i))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

/// Why a chart is not drawn, as a sentence: no rows, or every figure hidden as
/// a small number. `None` when there is something to draw.
pub fn unavailable(chart: &Chart) -> Option<String> {
    let cells: Vec<&Value> = chart.data.rows.iter().flat_map(|r| r.iter().skip(1).take(if chart.kind == ChartKind::Line { 1 } else { usize::MAX })).collect();
    if chart.data.rows.is_empty() || cells.is_empty() {
        if let Some(why) = &chart.data.empty {
            return Some(format!("{}: {why}.", chart.title));
        }
        return Some(format!("{}: no data for this chart in the period.", chart.title));
    }
    // Nothing left to see: every figure is hidden or a zero count.
    let visible = cells.iter().any(|v| match v {
        Value::Count(n) => *n > 0,
        Value::Suppressed | Value::Text(_) | Value::Date(_) => false,
        Value::Rate(x) | Value::Change { v: x, .. } => x.is_some(),
        Value::RateFine { .. } => true,
    });
    if !visible && cells.iter().any(|v| matches!(v, Value::Suppressed)) {
        return Some(format!(
            "{}: every figure in this chart is a small number, shown as 'c' to protect children's privacy, so the chart is not drawn.",
            chart.title
        ));
    }
    None
}

/// A legend entry: a filled box or a line (dashed for a target).
enum Mark {
    Box(RGBColor),
    Line(RGBColor),
    Dashed,
}

const LEGEND_ROW: u32 = 24;

/// Legend entries laid out in rows across the width: (entry, x, row).
fn legend_layout(items: &[(String, Mark)]) -> Vec<(usize, i32, u32)> {
    let mut out = Vec::new();
    let (mut x, mut row) = (16i32, 0u32);
    for (i, (name, _)) in items.iter().enumerate() {
        let w = 30 + (name.chars().count() as f64 * 7.6) as i32 + 22;
        if x > 16 && x + w > WIDTH as i32 - 12 {
            x = 16;
            row += 1;
        }
        out.push((i, x, row));
        x += w;
    }
    out
}

/// The legend below the plot, never over it.
fn draw_legend(area: &Area, items: &[(String, Mark)]) -> Result<(), String> {
    area.fill(&WHITE).map_err(|e| e.to_string())?;
    for (i, x, row) in legend_layout(items) {
        let y = 12 + (row * LEGEND_ROW) as i32;
        let (name, mark) = &items[i];
        match mark {
            Mark::Box(c) => {
                area.draw(&Rectangle::new([(x, y - 7), (x + 18, y + 7)], c.filled())).map_err(|e| e.to_string())?;
                area.draw(&Rectangle::new([(x, y - 7), (x + 18, y + 7)], ShapeStyle::from(&OUTLINE).stroke_width(1))).map_err(|e| e.to_string())?;
            }
            Mark::Line(c) => area.draw(&PathElement::new(vec![(x, y), (x + 22, y)], ShapeStyle::from(c).stroke_width(3))).map_err(|e| e.to_string())?,
            Mark::Dashed => {
                for seg in [(x, x + 8), (x + 12, x + 22)] {
                    area.draw(&PathElement::new(vec![(seg.0, y), (seg.1, y)], ShapeStyle::from(&INK).stroke_width(2))).map_err(|e| e.to_string())?;
                }
            }
        }
        area.draw(&Text::new(name.clone(), (x + 28, y - 8), ("Arial", 14).into_font().color(&INK))).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The chart as a standalone SVG document.
pub fn svg(chart: &Chart) -> String {
    // Text from the inputs (team names, labels) may hold control characters,
    // which no SVG may: taken out of the whole drawing.
    crate::output::xml_text(&draw(chart)).into_owned()
}

fn draw(chart: &Chart) -> String {
    if let Some(why) = unavailable(chart) {
        // The sentence, wrapped at about 90 characters.
        let mut lines: Vec<String> = vec![String::new()];
        for word in why.split_whitespace() {
            let last = lines.last_mut().expect("one line");
            if !last.is_empty() && last.chars().count() + word.chars().count() > 90 {
                lines.push(word.to_string());
            } else {
                if !last.is_empty() {
                    last.push(' ');
                }
                last.push_str(word);
            }
        }
        let height = 20 + 22 * lines.len();
        let text: String = lines
            .iter()
            .enumerate()
            .map(|(i, l)| format!("<text x=\"10\" y=\"{}\" font-family=\"Arial\" font-size=\"15\">{}</text>", 26 + 22 * i, escape(l)))
            .collect();
        let out = format!("<svg width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" xmlns=\"http://www.w3.org/2000/svg\">{text}</svg>");
        return accessible(&out, chart);
    }
    let categories: Vec<String> = chart.data.rows.iter().map(|r| r.first().map(|v| v.display()).unwrap_or_default()).collect();
    let series: Vec<(String, Vec<Option<f64>>)> = (1..chart.data.headers.len())
        .filter(|&c| !(chart.kind == ChartKind::Line && c > 1))
        .map(|c| (chart.data.headers[c].clone(), chart.data.rows.iter().map(|r| r.get(c).and_then(|v| v.number())).collect()))
        .collect();
    let plot_height = match chart.kind {
        ChartKind::Line => 360,
        _ => (90 + 34 * categories.len().max(1) as u32).max(200),
    };
    let mut items: Vec<(String, Mark)> = Vec::new();
    match chart.kind {
        ChartKind::Line => {
            if let Some((name, _)) = series.first() {
                items.push((name.clone(), Mark::Line(hex(PALETTE[0]))));
            }
            if let Some(t) = chart.target {
                items.push((format!("Target {}", super::doc::percent(t)), Mark::Dashed));
            }
        }
        _ if series.len() > 1 => items.extend(series.iter().enumerate().map(|(i, (name, _))| (name.clone(), Mark::Box(colour(name, i))))),
        _ => {}
    }
    let legend_height = legend_layout(&items).last().map(|(_, _, row)| (row + 1) * LEGEND_ROW + 6).unwrap_or(0);
    let height = plot_height + legend_height;
    let mut out = String::new();
    let drawn = {
        let root = SVGBackend::with_string(&mut out, (WIDTH, height)).into_drawing_area();
        let (plot, strip) = root.split_vertically(plot_height);
        let result = match chart.kind {
            ChartKind::Line => line(&plot, chart, &categories, &series),
            _ => bars(&plot, chart, &categories, &series),
        };
        let result = result.and_then(|_| if items.is_empty() { Ok(()) } else { draw_legend(&strip, &items) });
        result.and_then(|_| root.present().map_err(|e| e.to_string()))
    };
    if drawn.is_err() {
        out = format!("<svg width=\"{WIDTH}\" height=\"80\" viewBox=\"0 0 {WIDTH} 80\" xmlns=\"http://www.w3.org/2000/svg\"><text x=\"10\" y=\"40\" font-family=\"Arial\" font-size=\"14\">No data for this chart in the period.</text></svg>");
    }
    accessible(&out, chart)
}

/// Adds role, title and description to plotters' SVG root.
fn accessible(svg: &str, chart: &Chart) -> String {
    let id = format!("chart-{}", chart.id);
    let head = format!("<svg role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"Arial, sans-serif\" ",);
    let body = svg.trim_start().strip_prefix("<svg ").unwrap_or(svg);
    let (attrs, rest) = body.split_once('>').unwrap_or((body, ""));
    format!("{head}{attrs}>\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>{rest}", escape(&chart.title), escape(&chart.alt))
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

fn bars(root: &Area, chart: &Chart, categories: &[String], series: &[(String, Vec<Option<f64>>)]) -> Result<(), String> {
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    let n = categories.len();
    let stacked = chart.kind == ChartKind::StackedBar;
    let totals: Vec<f64> =
        (0..n)
            .map(|i| {
                if stacked {
                    series.iter().map(|(_, v)| v[i].unwrap_or(0.0)).sum()
                } else {
                    series.iter().map(|(_, v)| v[i].unwrap_or(0.0)).fold(0.0, f64::max)
                }
            })
            .collect();
    let mut max = totals.iter().copied().fold(0.0, f64::max);
    if chart.percent || max <= 0.0 {
        max = 1.0;
    } else {
        max *= 1.08;
    }
    let label_width = categories.iter().map(|c| c.chars().count().min(28)).max().unwrap_or(8) as u32 * 8 + 16;
    let caption = match chart.target {
        Some(t) => format!("{} (dashed line: target {})", chart.title, super::doc::percent(t)),
        None => chart.title.clone(),
    };
    let mut cc = ChartBuilder::on(root)
        .caption(&caption, ("Arial", 20).into_font().color(&INK))
        .margin(12)
        .margin_right(34)
        .x_label_area_size(34)
        .y_label_area_size(label_width.min(230))
        .build_cartesian_2d(0f64..max, -0.5f64..(n as f64 - 0.5))
        .map_err(|e| e.to_string())?;
    let cats = categories.to_vec();
    let percent = chart.percent;
    cc.configure_mesh()
        .disable_y_mesh()
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(0xdd, 0xdd, 0xdd))
        .y_labels(n.max(1))
        .y_label_formatter(&move |y| {
            let i = y.round() as i64;
            if (y - i as f64).abs() > 0.01 || i < 0 || i as usize >= cats.len() {
                return String::new();
            }
            truncate(&cats[cats.len() - 1 - i as usize], 28)
        })
        .x_labels(6)
        // A count axis is labelled at whole numbers only (no "0 0 0 1 1 1" when
        // the largest count is 1).
        .x_label_formatter(&move |x| match percent {
            true => format!("{:.0}%", x * 100.0),
            false if (x - x.round()).abs() > 1e-6 => String::new(),
            false => format!("{x:.0}"),
        })
        .label_style(("Arial", 15).into_font().color(&INK))
        .axis_style(OUTLINE)
        .draw()
        .map_err(|e| e.to_string())?;
    let pos = |i: usize| (n - 1 - i) as f64;
    let mut offsets = vec![0.0; n];
    let mut segment_labels = Vec::new();
    for (si, (name, values)) in series.iter().enumerate() {
        let c = colour(name, si);
        let mut rects = Vec::new();
        for (i, v) in values.iter().enumerate() {
            let Some(v) = v.filter(|v| *v > 0.0) else { continue };
            let (x0, x1) = if stacked { (offsets[i], offsets[i] + v) } else { (0.0, v) };
            if stacked {
                offsets[i] += v;
            }
            let y = pos(i);
            rects.push(Rectangle::new([(x0, y - 0.32), (x1, y + 0.32)], c.filled()));
            rects.push(Rectangle::new([(x0, y - 0.32), (x1, y + 0.32)], ShapeStyle::from(&OUTLINE).stroke_width(1)));
            if stacked && (x1 - x0) / max > 0.035 {
                // Each segment's count inside it: the grades stay readable
                // printed in black and white, where two fills can look alike.
                let ink = if light(c) { INK } else { WHITE };
                segment_labels.push(Text::new(format!("{v:.0}"), ((x0 + x1) / 2.0 - max * 0.006, y + 0.12), ("Arial", 13).into_font().color(&ink)));
            }
        }
        cc.draw_series(rects).map_err(|e| e.to_string())?;
    }
    cc.draw_series(segment_labels).map_err(|e| e.to_string())?;
    if !stacked {
        let labels: Vec<_> = series[0]
            .1
            .iter()
            .enumerate()
            .filter_map(|(i, v)| match v {
                Some(v) => Some((i, *v, None)),
                // A team with nothing to count says so where its bar would be.
                None => match chart.data.rows.get(i).and_then(|r| r.get(1)) {
                    Some(Value::Text(t)) if !t.is_empty() => Some((i, 0.0, Some(t.clone()))),
                    _ => None,
                },
            })
            .map(|(i, v, said)| {
                let text = said.unwrap_or_else(|| if percent { super::doc::percent(v) } else { format!("{v:.0}") });
                // Inside the start of a long bar, in white (clear of a target line
                // near its end); beyond a short one, in ink.
                let inside = v / max > 0.25;
                let x = if inside { max * 0.012 } else { v + max * 0.008 };
                Text::new(text, (x, pos(i) + 0.18), ("Arial", 14).into_font().color(if inside { &WHITE } else { &INK }))
            })
            .collect();
        cc.draw_series(labels).map_err(|e| e.to_string())?;
    }
    if let Some(t) = chart.target {
        // Stated in the caption ("dashed line: target"), so no legend box over the bars.
        cc.draw_series(DashedLineSeries::new(vec![(t, -0.5), (t, n as f64 - 0.5)], 6, 4, ShapeStyle::from(&INK).stroke_width(2))).map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn line(root: &Area, chart: &Chart, categories: &[String], series: &[(String, Vec<Option<f64>>)]) -> Result<(), String> {
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    let n = categories.len();
    let mut cc = ChartBuilder::on(root)
        .caption(&chart.title, ("Arial", 20).into_font().color(&INK))
        .margin(12)
        .margin_right(34)
        .x_label_area_size(40)
        .y_label_area_size(52)
        .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), 0f64..1f64)
        .map_err(|e| e.to_string())?;
    let cats = categories.to_vec();
    let step = n.div_ceil(8).max(1);
    cc.configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(0xdd, 0xdd, 0xdd))
        .x_labels(n.max(1))
        .x_label_formatter(&move |x| {
            let i = x.round() as i64;
            if (x - i as f64).abs() > 0.01 || i < 0 || i as usize >= cats.len() || i as usize % step != (cats.len() - 1) % step {
                return String::new();
            }
            cats[i as usize].clone()
        })
        .y_labels(6)
        .y_label_formatter(&|y| format!("{:.0}%", y * 100.0))
        .label_style(("Arial", 14).into_font().color(&INK))
        .axis_style(OUTLINE)
        .draw()
        .map_err(|e| e.to_string())?;
    let c = hex(PALETTE[0]);
    let points: Vec<(f64, f64)> = series.first().map(|(_, v)| v.iter().enumerate().filter_map(|(i, v)| v.map(|v| (i as f64, v))).collect()).unwrap_or_default();
    cc.draw_series(LineSeries::new(points.clone(), ShapeStyle::from(&c).stroke_width(3))).map_err(|e| e.to_string())?;
    cc.draw_series(points.iter().map(|p| Circle::new(*p, 4, c.filled()))).map_err(|e| e.to_string())?;
    if let Some(last) = points.last() {
        cc.draw_series([Text::new(super::doc::percent(last.1), (last.0 - 0.2, (last.1 + 0.06).min(0.98)), ("Arial", 13).into_font().color(&INK))])
            .map_err(|e| e.to_string())?;
    }
    if let Some(t) = chart.target {
        cc.draw_series(DashedLineSeries::new(vec![(-0.5, t), (n as f64 - 0.5, t)], 6, 4, ShapeStyle::from(&INK).stroke_width(2))).map_err(|e| e.to_string())?;
    }
    Ok(())
}
