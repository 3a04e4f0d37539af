package org.communitylifecycle.lifecycle;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The five stages of the Mozilla Contribute Lifecycle, in order; each key is its stage process's id. */
public enum LifecycleStage {
  PRE_WORK("pre-work", "Pre-work"),
  STARTING("starting", "Starting"),
  LEARNING_AND_PREPARING_FOR_GROWTH("learning-and-preparing-for-growth", "Learning and preparing for growth"),
  SCALING("scaling", "Scaling"),
  SUSTAINING("sustaining", "Sustaining");

  private final String key;
  private final String displayName;

  LifecycleStage(String key, String displayName) {
    this.key = key;
    this.displayName = displayName;
  }

  public String key() {
    return key;
  }

  public String displayName() {
    return displayName;
  }

  public static Optional<LifecycleStage> byKey(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
  }

  /** The keys, comma-separated, for messages. */
  static String keys() {
    return Arrays.stream(values()).map(LifecycleStage::key).collect(Collectors.joining(", "));
  }
}
