package org.quantcourse.exercises;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** For exercise tests: every test starts with fresh attempts on a fixed clock, and leaves the standard ones behind. */
interface FreshAttemptsEachTest {

    @BeforeEach
    default void freshAttempts() {
        Judging.freshForAll();
    }

    @AfterEach
    default void standardAttempts() {
        Judging.standardForAll();
    }
}
