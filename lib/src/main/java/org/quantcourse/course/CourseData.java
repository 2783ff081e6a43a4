package org.quantcourse.course;

import org.quantcourse.data.DatasetSplit;
import org.quantcourse.data.Datasets;

/** The course's data set with the size knobs applied (course.dataset, course.trainLimit, course.testLimit). Used in notebooks 00–06. */
public final class CourseData {

    private CourseData() {
    }

    /** The configured data set (default: the offline MNIST sample), limited as the knobs say (0 = everything). */
    public static DatasetSplit load() {
        DatasetSplit split = Datasets.byName(CourseSettings.dataset());
        int train = CourseSettings.trainLimit(0);
        int test = CourseSettings.testLimit(0);
        return split.limit(train == 0 ? split.train().size() : train, test == 0 ? split.test().size() : test);
    }
}
