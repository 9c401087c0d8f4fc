package dev.halyard.testing.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * A grouped bar chart as a PNG, drawn with the JDK's own 2D graphics (headless): the report's charts need no
 * plotting library.
 *
 * @param title above the chart
 * @param unit the y axis' unit
 * @param groups one label per group of bars
 * @param series one name per bar of a group (the legend)
 * @param values {@code values[s][g]}: series {@code s} in group {@code g}
 */
record BarChart(String title, String unit, List<String> groups, List<String> series, double[][] values) {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 480;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 70;
    private static final int BOTTOM = 60;
    private static final Color[] COLORS = {new Color(0x4C78A8), new Color(0xF58518), new Color(0xE45756),
            new Color(0x72B7B2)};

    void write(Path file) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            draw(g);
        } finally {
            g.dispose();
        }
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void draw(Graphics2D g) {
        double top = niceCeiling(max());
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int plotWidth = WIDTH - LEFT - RIGHT;
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        // grid and y labels: five steps
        for (int i = 0; i <= 5; i++) {
            int y = TOP + plotHeight - plotHeight * i / 5;
            g.setColor(new Color(0xE0E0E0));
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
            g.setColor(Color.DARK_GRAY);
            String label = format(top * i / 5);
            g.drawString(label, LEFT - 8 - fm.stringWidth(label), y + 4);
        }
        g.drawString(unit, 10, TOP - 12);
        int groupWidth = plotWidth / groups.size();
        int barWidth = Math.max(4, (groupWidth - 24) / series.size());
        for (int gi = 0; gi < groups.size(); gi++) {
            int x0 = LEFT + gi * groupWidth + (groupWidth - barWidth * series.size()) / 2;
            for (int s = 0; s < series.size(); s++) {
                double v = values[s][gi];
                int h = (int) Math.round(plotHeight * (Double.isFinite(v) ? v : 0) / top);
                g.setColor(COLORS[s % COLORS.length]);
                g.fillRect(x0 + s * barWidth, TOP + plotHeight - h, barWidth - 2, h);
                g.setColor(Color.DARK_GRAY);
                String label = format(v);
                g.drawString(label, x0 + s * barWidth + (barWidth - 2 - fm.stringWidth(label)) / 2,
                        TOP + plotHeight - h - 4);
            }
            String name = groups.get(gi);
            g.drawString(name, LEFT + gi * groupWidth + (groupWidth - fm.stringWidth(name)) / 2,
                    TOP + plotHeight + 20);
        }
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight);
        // legend, top right
        int x = WIDTH - RIGHT;
        for (int s = series.size() - 1; s >= 0; s--) {
            x -= fm.stringWidth(series.get(s)) + 30;
            g.setColor(COLORS[s % COLORS.length]);
            g.fillRect(x, 40, 12, 12);
            g.setColor(Color.DARK_GRAY);
            g.drawString(series.get(s), x + 16, 50);
        }
    }

    private double max() {
        double max = 0;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        return max;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value}: round grid lines. */
    private static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[]{1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String format(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
