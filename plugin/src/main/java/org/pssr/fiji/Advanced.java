package org.pssr.fiji;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a parameter that a PSSR dialog keeps behind its <i>Advanced...</i> button
 * ({@link AdvancedSettings}): a setting with a default that suits most data. It is a parameter like
 * any other for macros, the recorder and headless runs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface Advanced {}
