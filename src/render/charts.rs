//! Charts as accessible SVG (plotters): `role="img"`, a title and a description,
//! the Analysis Function palette, and dark outlines so every mark keeps 3:1
//! contrast against white. Values come from the chart's own data table.

use super::doc::{series_colour, Chart, ChartKind, PALETTE};
use plotters::prelude::*;

const WIDTH: u32 = 760;
const INK: RGBColor = RGBColor(0x0b, 0x0c, 0x0c);
const OUTLINE: RGBColor = RGBColor(0x3D, 0x3D, 0x3D);

fn hex(s: &str) -> RGBColor {
    let v = u32::from_str_radix(s.trim_start_matches('#'), 16).unwrap_or(0);
    RGBColor((v >> 16) as u8, (v >> 8) as u8, v as u8)
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

/// The chart as a standalone SVG document.
pub fn svg(chart: &Chart) -> String {
    let categories: Vec<String> = chart.data.rows.iter().map(|r| r.first().map(|v| v.display()).unwrap_or_default()).collect();
    let series: Vec<(String, Vec<Option<f64>>)> = (1..chart.data.headers.len())
        .filter(|&c| !(chart.kind == ChartKind::Line && c > 1))
        .map(|c| (chart.data.headers[c].clone(), chart.data.rows.iter().map(|r| r.get(c).and_then(|v| v.number())).collect()))
        .collect();
    let height = match chart.kind {
        ChartKind::Line => 380,
        _ => (110 + 34 * categories.len().max(1) as u32).max(220),
    };
    let mut out = String::new();
    let drawn = {
        let root = SVGBackend::with_string(&mut out, (WIDTH, height)).into_drawing_area();
        let result = match chart.kind {
            ChartKind::Line => line(&root, chart, &categories, &series),
            _ => bars(&root, chart, &categories, &series),
        };
        result.and_then(|_| root.present().map_err(|e| e.to_string()))
    };
    if drawn.is_err() || categories.is_empty() {
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
    } else if stacked {
        max *= 1.45; // room for the legend on the right
    } else {
        max *= 1.08;
    }
    let label_width = categories.iter().map(|c| c.chars().count().min(28)).max().unwrap_or(8) as u32 * 8 + 16;
    let caption = match chart.target {
        Some(t) => format!("{} (dashed line: target {:.0}%)", chart.title, t * 100.0),
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
        .x_label_formatter(&move |x| if percent { format!("{:.0}%", x * 100.0) } else { format!("{x:.0}") })
        .label_style(("Arial", 15).into_font().color(&INK))
        .axis_style(OUTLINE)
        .draw()
        .map_err(|e| e.to_string())?;
    let pos = |i: usize| (n - 1 - i) as f64;
    let mut offsets = vec![0.0; n];
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
        }
        let ann = cc.draw_series(rects).map_err(|e| e.to_string())?;
        if series.len() > 1 {
            ann.label(name.clone()).legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 14, y + 6)], c.filled()));
        }
    }
    if !stacked {
        let labels: Vec<_> = series[0]
            .1
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (i, v)))
            .map(|(i, v)| {
                let text = if percent { format!("{:.0}%", v * 100.0) } else { format!("{v:.0}") };
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
    if series.len() > 1 {
        legend(&mut cc, SeriesLabelPosition::UpperRight)?;
    }
    Ok(())
}

type Cartesian<'a> = ChartContext<'a, SVGBackend<'a>, Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>>;

/// The legend box, the same in every chart.
fn legend(cc: &mut Cartesian, position: SeriesLabelPosition) -> Result<(), String> {
    cc.configure_series_labels()
        .position(position)
        .background_style(WHITE.mix(0.9))
        .border_style(OUTLINE)
        .label_font(("Arial", 14).into_font().color(&INK))
        .draw()
        .map_err(|e| e.to_string())
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
    cc.draw_series(LineSeries::new(points.clone(), ShapeStyle::from(&c).stroke_width(3)))
        .map_err(|e| e.to_string())?
        .label(series.first().map(|s| s.0.clone()).unwrap_or_default())
        .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 14, y)], ShapeStyle::from(&c).stroke_width(3)));
    cc.draw_series(points.iter().map(|p| Circle::new(*p, 4, c.filled()))).map_err(|e| e.to_string())?;
    if let Some(last) = points.last() {
        cc.draw_series([Text::new(format!("{:.0}%", last.1 * 100.0), (last.0 - 0.2, (last.1 + 0.06).min(0.98)), ("Arial", 13).into_font().color(&INK))])
            .map_err(|e| e.to_string())?;
    }
    if let Some(t) = chart.target {
        cc.draw_series(DashedLineSeries::new(vec![(-0.5, t), (n as f64 - 0.5, t)], 6, 4, ShapeStyle::from(&INK).stroke_width(2)))
            .map_err(|e| e.to_string())?
            .label(format!("Target {:.0}%", t * 100.0))
            .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 14, y)], ShapeStyle::from(&INK).stroke_width(2)));
    }
    legend(&mut cc, SeriesLabelPosition::LowerRight)
}
