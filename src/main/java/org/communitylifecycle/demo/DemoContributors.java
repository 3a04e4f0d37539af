package org.communitylifecycle.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.communitylifecycle.community.CommunityDirectory;
import org.communitylifecycle.contributor.ContributorRecord;
import org.communitylifecycle.contributor.ContributorService;
import org.communitylifecycle.contributor.ContributorViews.ImportResult;
import org.communitylifecycle.engine.AppClock;
import org.communitylifecycle.lifecycle.LifecycleStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Contributors for four demo communities, one per lifecycle stage, dated relative to the day of
 * seeding: SUMO in the growth stage with 22 newcomers of the last 90 days, Common Voice Kenya
 * scaling with many active and 2 core contributors, MDN localization sustaining, and the MozFest
 * volunteers starting with a prototype pathway of 12 people. A community is seeded once, when it
 * has no contributors yet; a missing community row is added (alice activator, bob liaison), an
 * existing one is left as it is.
 */
@Component
@Profile("demo")
@Order(40)
class DemoContributors implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoContributors.class);

  private final CommunityDirectory directory;
  private final ContributorService contributors;

  DemoContributors(CommunityDirectory directory, ContributorService contributors) {
    this.directory = directory;
    this.contributors = contributors;
  }

  @Override
  public void run(ApplicationArguments args) {
    LocalDate today = AppClock.today();
    seed("sumo-community", "SUMO Community", LifecycleStage.LEARNING_AND_PREPARING_FOR_GROWTH.key(), sumo(today));
    seed("common-voice-kenya", "Common Voice Kenya", LifecycleStage.SCALING.key(), commonVoiceKenya(today));
    seed("mdn-localization", "MDN Localization", LifecycleStage.SUSTAINING.key(), mdnLocalization(today));
    seed("mozfest-volunteers", "MozFest Volunteers", LifecycleStage.STARTING.key(), mozfestVolunteers(today));
  }

  private void seed(String key, String name, String stage, Rows rows) {
    if (directory.find(key).isEmpty()) {
      String activator = DemoCommunity.SAMPLES.stream().filter(s -> s.key().equals(key))
          .map(DemoCommunity.Sample::activator).findFirst().orElse("alice");
      directory.enterStage(key, name, activator, "bob", stage);
    }
    if (contributors.hasContributors(key)) {
      return;
    }
    ImportResult result = contributors.importRecords(key, rows.list);
    log.info("Demo contributors for '{}': {} contributors, {} contributions, {} roles",
        key, result.contributorsAdded(), result.contributionsAdded(), result.rolesAdded());
  }

  /** Growth: a few long-standing contributors, three of them core, and 22 newcomers of the last 90 days. */
  static Rows sumo(LocalDate today) {
    Rows rows = new Rows(today);
    rows.person("kiki", "Kiki Mwangi", 900).contributions(12, 340, 5, "support").role("Swahili locale lead", 700, null);
    rows.person("mkarimi", "Mina Karimi", 800).contributions(10, 330, 20, "docs").role("Knowledge base reviewer lead", 300, null);
    rows.person("tchen", "Tao Chen", 650).contributions(9, 320, 15, "support").role("Forum moderator lead", 500, null);
    rows.person("rosa.p", "Rosa Pereira", 600).contributions(8, 300, 12, "translation");
    rows.person("amadou", "Amadou Diallo", 500).contributions(7, 250, 30, "support");
    rows.person("liwei", "Li Wei", 720).contributions(8, 700, 420, "docs");
    String[] newcomers = {"aisha.b", "bruno", "carmen.l", "dmitri", "efua", "farid", "gabi", "hana.s", "ivo", "jomo",
        "keiko", "lars", "maya.r", "nuno", "olu", "priya", "quinn", "ravi.k", "sofia", "tunde", "uma", "vik"};
    for (int i = 0; i < newcomers.length; i++) {
      int joined = 88 - i * 4;
      Person person = rows.person(newcomers[i], null, joined);
      if (i < 4) {
        person.contributions(7, joined - 1, 1, i % 2 == 0 ? "support" : "docs");
      } else if (i < 18) {
        person.contributions(1 + i % 3, joined, Math.max(0, joined - 20), "support");
      }
    }
    return rows;
  }

  /** Scaling: 30 contributors over two years, 10 of them active and 2 core. */
  static Rows commonVoiceKenya(LocalDate today) {
    Rows rows = new Rows(today);
    rows.person("wanjiru", "Wanjiru Kamau", 700).contributions(15, 350, 3, "review").role("Sentence collection lead", 400, null);
    rows.person("otieno", "Brian Otieno", 650).contributions(11, 360, 10, "event").role("Community coordinator", 200, null);
    String[] handles = {"achieng", "baraka", "chebet", "daudi", "esther.n", "faraji", "gathoni", "hamisi", "imani", "juma",
        "kendi", "lemayian", "makena", "njeri", "omondi", "pendo", "rehema", "salim", "tabitha", "umi", "wairimu",
        "yusuf", "zawadi", "akinyi", "bahati", "chausiku", "dalila", "eshe"};
    String[] kinds = {"translation", "review", "event", "code"};
    for (int i = 0; i < handles.length; i++) {
      int joined = 600 - i * 20;
      Person person = rows.person(handles[i], null, joined);
      if (i < 10) {
        person.contributions(6 + i % 4, Math.min(joined, 300), 5 + i, kinds[i % kinds.length]);
      } else if (i < 24) {
        person.contributions(1 + i % 4, joined, Math.max(0, joined - 60), kinds[i % kinds.length]);
      }
    }
    return rows;
  }

  /** Sustaining: long-standing translators and reviewers; one past core member stepped down to active. */
  static Rows mdnLocalization(LocalDate today) {
    Rows rows = new Rows(today);
    rows.person("hoanglan", "Hoang Lan", 1400).contributions(20, 360, 2, "translation").role("Vietnamese locale owner", 1200, null);
    rows.person("sjacobs", "Sam Jacobs", 1300).contributions(18, 355, 4, "review").role("Review queue owner", 900, null);
    rows.person("yuki.t", "Yuki Tanaka", 1250).contributions(14, 350, 8, "translation").role("Japanese locale owner", 1000, null);
    rows.person("petra", "Petra Novak", 1200).contributions(14, 360, 6, "translation").role("Czech locale owner", 1100, 200);
    String[] handles = {"anouk", "bjorn", "chiara", "deniz", "elif", "fatou", "goran", "helga", "ines", "jonas", "kemal", "luz"};
    for (int i = 0; i < handles.length; i++) {
      int joined = 1100 - i * 60;
      Person person = rows.person(handles[i], null, joined);
      if (i < 7) {
        person.contributions(6 + i, 340, 10 + i, i % 2 == 0 ? "translation" : "review");
      } else {
        person.contributions(3, joined, joined - 100, "docs");
      }
    }
    return rows;
  }

  /** Starting: a prototype pathway with 12 volunteers of the last two months. */
  static Rows mozfestVolunteers(LocalDate today) {
    Rows rows = new Rows(today);
    String[] handles = {"ada.o", "ben.k", "chloe", "dayo", "emeka", "freya", "gus", "hiro", "isla", "jade", "kofi", "lena"};
    String[] kinds = {"event", "support", "design"};
    for (int i = 0; i < handles.length; i++) {
      int joined = 60 - i * 4;
      Person person = rows.person(handles[i], null, joined);
      if (i < 2) {
        person.contributions(6, joined - 1, 1, "event");
      } else if (i < 9) {
        person.contributions(1 + i % 2, joined, Math.max(0, joined - 10), kinds[i % kinds.length]);
      }
    }
    return rows;
  }

  /** The rows of one community, built person by person with days counted back from today. */
  static final class Rows {
    final LocalDate today;
    final List<ContributorRecord> list = new ArrayList<>();

    Rows(LocalDate today) {
      this.today = today;
    }

    Person person(String handle, String name, int joinedDaysAgo) {
      list.add(new ContributorRecord(list.size() + 2, handle, name, today.minusDays(joinedDaysAgo),
          null, null, null, null, null, null));
      return new Person(this, handle);
    }
  }

  /** Adds one person's contributions and roles to the rows. */
  static final class Person {
    private final Rows rows;
    private final String handle;

    Person(Rows rows, String handle) {
      this.rows = rows;
      this.handle = handle;
    }

    /** {@code count} contributions spread evenly from {@code fromDaysAgo} to {@code toDaysAgo}. */
    Person contributions(int count, int fromDaysAgo, int toDaysAgo, String kind) {
      for (int i = 0; i < count; i++) {
        int daysAgo = count == 1 ? fromDaysAgo : fromDaysAgo - (fromDaysAgo - toDaysAgo) * i / (count - 1);
        rows.list.add(new ContributorRecord(rows.list.size() + 2, handle, null, null, rows.today.minusDays(daysAgo),
            kind, "demo-" + (i + 1), null, null, null));
      }
      return this;
    }

    Person role(String role, int fromDaysAgo, Integer toDaysAgo) {
      rows.list.add(ContributorRecord.role(rows.list.size() + 2, handle, role, rows.today.minusDays(fromDaysAgo),
          toDaysAgo == null ? null : rows.today.minusDays(toDaysAgo)));
      return this;
    }
  }
}
