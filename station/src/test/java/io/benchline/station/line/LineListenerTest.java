package io.benchline.station.line;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.benchline.station.sequence.RunListener;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/** The line's listener wraps the screen's or the terminal's: an event it did not pass on would be lost to them. */
class LineListenerTest {
    @Test
    void passesOnEveryEventOfARun() throws Exception {
        for (Method m : RunListener.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Method own = StationLine.LineListener.class.getMethod(m.getName(), m.getParameterTypes());
            assertEquals(
                    StationLine.LineListener.class,
                    own.getDeclaringClass(),
                    "StationLine.LineListener must pass on " + m.getName());
        }
    }
}
