package org.quantcourse.plot;

import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** Fonts sized to be read from the back of a room when a chart is projected, and in the HTML at full width. */
final class ProjectorStyle {

    /** Chart title size in points. */
    static final int TITLE = 20;
    /** Axis titles and legend size in points. */
    static final int LABEL = 16;
    /** Tick labels size in points. */
    static final int TICKS = 14;

    private ProjectorStyle() {
    }

    /** Sets the course's projector fonts and a white background on any XChart styler. */
    static <S extends Styler> S apply(S styler) {
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, TITLE));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, LABEL));
        styler.setChartBackgroundColor(Color.WHITE);
        if (styler instanceof AxesChartStyler axes) {
            axes.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, LABEL));
            axes.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, TICKS));
        }
        return styler;
    }
}
