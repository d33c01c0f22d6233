package io.cirstream.eval.report;

import io.cirstream.eval.metric.BenchmarkProtocol;
import io.cirstream.eval.metric.EvalReport;
import io.cirstream.eval.metric.MetricNames;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;

/**
 * A grouped bar chart of the benchmark's chart metrics (Recall@K, or mAP@K for CIRCO), then Recall_subset@K
 * where the benchmark has it and, for FashionIQ, each category's Recall@K: one group per metric, one bar per
 * method. The y axis is scaled to the largest value drawn. Drawn with Java2D so eval needs no charting dependency.
 */
public final class RecallChart {

    public static final int WIDTH = 1100;
    public static final int HEIGHT = 620;

    private static final int LEFT = 80;
    private static final int RIGHT = 230;
    private static final int TOP = 100;
    private static final int BOTTOM = 80;
    /** Okabe–Ito colours: distinguishable with the common kinds of colour blindness. */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x000000)};
    private static final Color NOTICE = new Color(0xB00020);
    private static final Color GRID = new Color(0xDDDDDD);

    private RecallChart() {
    }

    public static void write(EvalReport report, Path file) throws IOException {
        if (!ImageIO.write(render(report), "png", file.toFile())) {
            throw new IOException("no PNG writer available for " + file);
        }
    }

    public static BufferedImage render(EvalReport report) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            List<String> metrics = chartMetrics(report);
            List<String> methods = new ArrayList<>(report.methods().keySet());
            double yMax = axisMax(report, metrics);
            drawTitle(g, report);
            drawAxes(g, yMax, axisTitle(metrics));
            drawBars(g, report, metrics, methods, yMax);
            drawLegend(g, methods);
            if (axisMaxValue(report, metrics) == null) {
                drawCentered(g, new Font(Font.SANS_SERIF, Font.BOLD, 16), "no metric to draw: "
                        + (report.notes().isEmpty() ? "no query had a positive" : "see the report's notes"),
                        (LEFT + WIDTH - RIGHT) / 2, (TOP + HEIGHT - BOTTOM) / 2);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * The y-axis top: the largest value plus room for its label, rounded up to a tick, so that small
     * values such as CIRCO mAPs still get a readable scale.
     */
    private static double axisMax(EvalReport report, List<String> metrics) {
        Double largest = axisMaxValue(report, metrics);
        double max = largest == null ? 0 : largest;
        double withRoom = Math.max(max * 1.08, 1);
        double step = tickStep(Math.min(100, withRoom));
        return Math.min(100, Math.ceil(withRoom / step) * step);
    }

    /** The largest value drawn; null when there is none (hidden test labels). */
    private static Double axisMaxValue(EvalReport report, List<String> metrics) {
        return report.methods().values().stream()
                .flatMap(result -> metrics.stream().map(result.metrics()::get))
                .filter(value -> value != null)
                .max(Double::compare).orElse(null);
    }

    /** The metric groups drawn, left to right. */
    static List<String> chartMetrics(EvalReport report) {
        BenchmarkProtocol protocol = report.benchmark();
        List<String> metrics = new ArrayList<>(protocol.chartMetrics());
        protocol.cutoffs().subsetRecall().forEach(k -> metrics.add(MetricNames.subsetRecall(k)));
        if (protocol.ranksWithinCategory()) {
            Set<String> categories = new TreeSet<>();
            report.methods().values().forEach(result -> result.metrics().keySet()
                    .forEach(name -> MetricNames.categoryOf(name).ifPresent(categories::add)));
            categories.forEach(category -> protocol.chartMetrics()
                    .forEach(metric -> metrics.add(MetricNames.inCategory(category, metric))));
        }
        return metrics;
    }

    private static double tickStep(double range) {
        for (double step : new double[] {0.5, 1, 2, 5, 10}) {
            if (range / step <= 10) {
                return step;
            }
        }
        return 10;
    }

    private static String axisTitle(List<String> metrics) {
        if (metrics.isEmpty()) {
            return "";
        }
        return (metrics.get(0).startsWith("mAP") ? "mAP@K" : "Recall@K") + " (%)";
    }

    private static void drawTitle(Graphics2D g, EvalReport report) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        g.drawString(report.benchmark() + " " + report.split() + ": retrieval quality per method", LEFT, 36);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        g.drawString("model pack " + report.modelPackId() + ", gallery " + report.gallerySize() + " images",
                LEFT, 60);
        if (report.generatedModel()) {
            g.setColor(NOTICE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(EvalReport.GENERATED_MODEL_NOTICE, LEFT, 82);
        }
    }

    private static void drawAxes(Graphics2D g, double yMax, String yTitle) {
        int plotBottom = HEIGHT - BOTTOM;
        int plotRight = WIDTH - RIGHT;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        double tick = tickStep(yMax);
        for (double value = 0; value <= yMax + 1e-9; value += tick) {
            int y = yFor(value, yMax);
            g.setColor(GRID);
            g.drawLine(LEFT, y, plotRight, y);
            g.setColor(Color.DARK_GRAY);
            String label = String.format(Locale.ROOT, tick < 1 ? "%.1f" : "%.0f", value);
            g.drawString(label, LEFT - 8 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(LEFT, TOP, LEFT, plotBottom);
        g.drawLine(LEFT, plotBottom, plotRight, plotBottom);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(yTitle, -(TOP + plotBottom) / 2 - rotated.getFontMetrics().stringWidth(yTitle) / 2, 24);
        rotated.dispose();
        drawCentered(g, new Font(Font.SANS_SERIF, Font.PLAIN, 14), "metric at cut-off K", (LEFT + plotRight) / 2,
                HEIGHT - BOTTOM + 52);
    }

    private static void drawBars(Graphics2D g, EvalReport report, List<String> metrics, List<String> methods,
                                 double yMax) {
        if (metrics.isEmpty() || methods.isEmpty()) {
            return;
        }
        double groupWidth = (WIDTH - RIGHT - LEFT) / (double) metrics.size();
        double barWidth = groupWidth * 0.8 / methods.size();
        for (int m = 0; m < metrics.size(); m++) {
            double groupLeft = LEFT + m * groupWidth + groupWidth * 0.1;
            for (int i = 0; i < methods.size(); i++) {
                Double value = report.methods().get(methods.get(i)).metrics().get(metrics.get(m));
                if (value != null) {
                    drawBar(g, (int) (groupLeft + i * barWidth), (int) Math.max(1, barWidth - 2), value, yMax,
                            PALETTE[i % PALETTE.length]);
                }
            }
            drawCentered(g, new Font(Font.SANS_SERIF, Font.BOLD, metrics.size() > 6 ? 12 : 14), metrics.get(m),
                    (int) (LEFT + m * groupWidth + groupWidth / 2), HEIGHT - BOTTOM + 24);
        }
    }

    /** Draws one bar; a zero still shows as a thin bar so every legend colour appears. */
    private static void drawBar(Graphics2D g, int x, int width, double value, double yMax, Color color) {
        int top = Math.min(yFor(value, yMax), HEIGHT - BOTTOM - 2);
        g.setColor(color);
        g.fillRect(x, top, width, HEIGHT - BOTTOM - top);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        String label = String.format(Locale.ROOT, yMax <= 10 ? "%.2f" : "%.1f", value);
        if (fm.stringWidth(label) <= width + 6) {
            g.setColor(Color.BLACK);
            g.drawString(label, x + (width - fm.stringWidth(label)) / 2, top - 3);
        }
    }

    private static void drawLegend(Graphics2D g, List<String> methods) {
        int x = WIDTH - RIGHT + 24;
        int y = TOP + 10;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.BLACK);
        g.drawString("method", x, y);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        for (int i = 0; i < methods.size(); i++) {
            int rowY = y + 24 + i * 24;
            g.setColor(PALETTE[i % PALETTE.length]);
            g.fillRect(x, rowY - 12, 16, 16);
            g.setColor(Color.BLACK);
            g.drawString(methods.get(i), x + 24, rowY + 1);
        }
    }

    private static void drawCentered(Graphics2D g, Font font, String text, int centreX, int baseline) {
        g.setColor(Color.BLACK);
        g.setFont(font);
        g.drawString(text, centreX - g.getFontMetrics().stringWidth(text) / 2, baseline);
    }

    private static int yFor(double value, double yMax) {
        int plotHeight = HEIGHT - BOTTOM - TOP;
        return (int) Math.round(HEIGHT - BOTTOM - Math.min(value, yMax) / yMax * plotHeight);
    }
}
