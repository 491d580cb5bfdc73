package org.pssr.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class of the real-data suite: it reads the real CZI samples and movies of
 * {@link SharedData#folder()}. The README's test command leaves these classes out; {@code mvn
 * -Preal-data test} runs only them, and fails (never skips) when the data are missing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(RealData.TAG)
@ExtendWith(SharedData.Required.class)
public @interface RealData {

	String TAG = "real-data";
}
