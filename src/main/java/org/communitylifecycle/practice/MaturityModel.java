package org.communitylifecycle.practice;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The WAO "Steps to Success" for a community of practice: four steps, each with three areas of
 * three indicators, 36 in all, labelled as in the seed. The self-assessment form asks for every
 * indicator by {@link Area#indicatorKeys() key}; the step decision reads the {@link
 * Area#scoreVariable() area scores}.
 */
public final class MaturityModel {

  /** What the step decision answers when not even the first step is reached. */
  public static final String NO_STEP = "none";

  /** A step, its space-flight alias, and the prefixes of its indicator keys and score variables. */
  public enum Step {
    GATHER(1, "Gather", "Ignition", "gather", "gather"),
    DISPATCH(2, "Dispatch", "Liftoff", "dispatch", "dispatch"),
    EXPLORE(3, "Explore", "Orbital Flight", "explore", "explore"),
    SYSTEMS_CHANGE(4, "Systems Change", "Space Station", "systems", "systemsChange");

    private final int number;
    private final String label;
    private final String alias;
    private final String keyPrefix;
    private final String variablePrefix;

    Step(int number, String label, String alias, String keyPrefix, String variablePrefix) {
      this.number = number;
      this.label = label;
      this.alias = alias;
      this.keyPrefix = keyPrefix;
      this.variablePrefix = variablePrefix;
    }

    public int number() {
      return number;
    }

    public String label() {
      return label;
    }

    public String alias() {
      return alias;
    }
  }

  /**
   * One area of a step: "a) Pinpoint your people". Its indicators are keyed {@code gather_a_1} to
   * {@code gather_a_3}; its score, the number of them met, is the variable {@code gatherA}.
   */
  public record Area(Step step, char letter, String name, List<String> indicators) {

    public String scoreVariable() {
      return step.variablePrefix + Character.toUpperCase(letter);
    }

    public List<String> indicatorKeys() {
      return IntStream.rangeClosed(1, indicators.size())
          .mapToObj(i -> step.keyPrefix + "_" + letter + "_" + i)
          .toList();
    }
  }

  /** The twelve areas in the seed's order. */
  public static final List<Area> AREAS =
      List.of(
          new Area(Step.GATHER, 'a', "Pinpoint your people",
            List.of(
              "Members have a safe space to meet and communicate",
              "There is an idea of who the community is for",
              "Easy onboarding makes it simple to get started")),
          new Area(Step.GATHER, 'b', "Do something together",
            List.of(
              "There are regular invitations to participate in the community",
              "Members can get involved in different activities within the community",
              "There are ways of working openly that allow new members to get involved / catch up")),
          new Area(Step.GATHER, 'c', "Get people talking",
            List.of(
              "Community members meet regularly using agreed channels and tools",
              "There are backchannels and watercoolers for varied conversations",
              "Members are connecting with people they haven’t had the chance to before")),
          new Area(Step.DISPATCH, 'a', "Attract new folks",
            List.of(
              "New members feel welcomed into the community",
              "Core members are motivating others to take part in the community",
              "Members regularly share knowledge and experiences external to the community")),
          new Area(Step.DISPATCH, 'b', "Cultivate your identity",
            List.of(
              "Members of the community have agreed on guidelines for how to interact with one another (e.g. a Code of Conduct)",
              "The needs of community members have been identified",
              "The community’s mission is clear and agreed upon")),
          new Area(Step.DISPATCH, 'c', "Pay attention to who’s showing up",
            List.of(
              "Members adopt common approaches, enabling them to do their work more effectively",
              "Members talk about the community to other people in their network",
              "The community is meeting members’ needs based on explicit feedback")),
          new Area(Step.EXPLORE, 'a', "Create more leaders",
            List.of(
              "Moderation responsibilities are shared among a larger group of core members",
              "The community has a momentum that is not reliant on one or two people",
              "The community has goals that members collaborate on as a whole or in smaller working groups")),
          new Area(Step.EXPLORE, 'b', "Supercharge your leaders",
            List.of(
              "Leadership responsibilities and decision-making are distributed throughout the community",
              "Members explicitly influence community direction and activities",
              "There are open-door activities with people outside of the community (e.g. show and tells, cross-community meetups)")),
          new Area(Step.EXPLORE, 'c', "Celebrate together",
            List.of(
              "Milestones relating to the community and its members are celebrated",
              "People outside the community advocate for it",
              "The community regularly creates outputs used by the wider network")),
          new Area(Step.SYSTEMS_CHANGE, 'a', "Connect with power",
            List.of(
              "People ask the community how to recognise others in ways that do not depend on competition or artificial scarcity",
              "Community members can name relevant power structures",
              "Community members know how to both leverage and resist existing power structures")),
          new Area(Step.SYSTEMS_CHANGE, 'b', "Nourish leaders",
            List.of(
              "Leaders share their tips on networking and leveraging influence",
              "Leaders are close enough to their organization to have support, but separate enough to remain free to explore and innovate on their terms",
              "Leaders are adept at communicating the value of Open recognition")),
          new Area(Step.SYSTEMS_CHANGE, 'c', "Tell the stories",
            List.of(
              "The community has resources to help advocates empower and motivate learners",
              "The community can help policy makers establish innovative policy",
              "Members actively search out and articulate the value they are creating"))
);

  private MaturityModel() {}

  /** The step's label by its number, or {@link #NO_STEP} for 0. */
  public static String stepLabel(int number) {
    for (Step step : Step.values()) {
      if (step.number == number) {
        return step.label;
      }
    }
    if (number == 0) {
      return NO_STEP;
    }
    throw new IllegalArgumentException("There is no step " + number + "; the steps are numbered 1 to 4");
  }
}
