package org.communitylifecycle.opsjam;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
// The identity service returns this impl type; the mock must return one too.
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * /api/ops-jams over HTTP, against the roadmap tables: who may call, the exports' exact content,
 * the themes, and requests from the community. The signed-in user stands in for what the /api
 * authentication filter puts into the engine's identity service.
 */
class OpsJamApiTest {

  static final String KEY = "sourcecred-ecosystems";

  IdentityService identity = mock(IdentityService.class);
  OpsJams jams;
  RoadmapItems items;
  MockMvc mvc;

  @BeforeEach
  void setUp() {
    OpsJamFixtures.clean();
    jams = OpsJamFixtures.jams();
    items = OpsJamFixtures.items();
    // As Spring Boot configures Jackson: dates as ISO text.
    MappingJackson2HttpMessageConverter json = new MappingJackson2HttpMessageConverter(
        Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build());
    mvc = MockMvcBuilders.standaloneSetup(new OpsJamApi(jams, items, new OpsRequests(jams, items), identity))
        .setMessageConverters(new StringHttpMessageConverter(StandardCharsets.UTF_8), json)
        .build();
    jams.create(KEY, "SourceCred Ecosystems", "paula", "bruno", null);
    jams.schedule(KEY, LocalDate.parse("2026-03-10"));
  }

  @Test
  void callersWhoAreNotSignedInGet401() throws Exception {
    for (String path : List.of("/roadmap", "/roadmap.md", "/roadmap.csv", "/themes")) {
      mvc.perform(get("/api/ops-jams/" + KEY + path))
          .andExpect(status().isUnauthorized())
          .andExpect(header().string("WWW-Authenticate", "Basic realm=\"community-lifecycle\""))
          .andExpect(jsonPath("$.message").value("Sign in with HTTP Basic to use the ops jam API"));
    }
    mvc.perform(post("/api/ops-jams/" + KEY + "/requests").contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\"}"))
        .andExpect(status().isUnauthorized());
    org.assertj.core.api.Assertions.assertThat(items.list(KEY)).isEmpty();
  }

  @Test
  void anUnknownJamIs404() throws Exception {
    signIn("alice");
    mvc.perform(get("/api/ops-jams/no-such-jam/roadmap.md"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.message").value("There is no ops jam with the key 'no-such-jam'"));
    mvc.perform(post("/api/ops-jams/no-such-jam/requests").contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\"}"))
        .andExpect(status().isNotFound());
  }

  @Test
  void roadmapAsMarkdownCsvAndJson() throws Exception {
    smallRoadmap();
    signIn("alice");

    mvc.perform(get("/api/ops-jams/" + KEY + "/roadmap.md"))
        .andExpect(status().isOk())
        .andExpect(content().contentType("text/markdown;charset=UTF-8"))
        .andExpect(content().string("""
            # Ecosystem roadmap: SourceCred Ecosystems

            Ops jam `sourcecred-ecosystems`, project manager paula, branch lead bruno, jam date 2026-03-10, phase tracking.

            ## Roadmap

            | Key | Title | Owner | Priority | Status | Due | Depends on | Tags |
            | --- | --- | --- | --- | --- | --- | --- | --- |
            | OPS-1 | Identity across instances is manual | ivan | high | planned | 2026-04-30 |  | identity-management |
            | OPS-2 | Visibility into ID development | paula | medium | in-progress |  | OPS-1 | identity-management, onboarding-materials |

            ## Themes across instances

            Raised by two or more instance managers: identity-management.

            | Tag | Items | Instance managers | Community requests | Item keys |
            | --- | --- | --- | --- | --- |
            | identity-management | 2 | 2 | 0 | OPS-1, OPS-2 |
            | onboarding-materials | 1 | 1 | 0 | OPS-2 |

            ## Items

            ### OPS-1 Identity across instances is manual

            Pain point from ines.

            ### OPS-2 Visibility into ID development

            Wishlist item from ivan.

            To coordinate resources

            ## Follow-up meetings

            None yet.

            ## Check-ins

            None yet.
            """));

    mvc.perform(get("/api/ops-jams/" + KEY + "/roadmap.csv"))
        .andExpect(status().isOk())
        .andExpect(content().contentType("text/csv;charset=UTF-8"))
        .andExpect(header().string("Content-Disposition", "attachment; filename=\"sourcecred-ecosystems-roadmap.csv\""))
        .andExpect(content().string(RoadmapExport.CSV_HEADER + "\r\n"
            + "OPS-1,Identity across instances is manual,pain-point,ines,ivan,high,planned,2026-04-30,,identity-management,\r\n"
            + "OPS-2,Visibility into ID development,wishlist,ivan,paula,medium,in-progress,,OPS-1,"
            + "identity-management;onboarding-materials,To coordinate resources\r\n"));

    mvc.perform(get("/api/ops-jams/" + KEY + "/roadmap"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.jam.key").value(KEY))
        .andExpect(jsonPath("$.jam.jamDate").value("2026-03-10"))
        .andExpect(jsonPath("$.jam.phase").value("tracking"))
        .andExpect(jsonPath("$.items[*].key", contains("OPS-1", "OPS-2")))
        .andExpect(jsonPath("$.items[0].owner").value("ivan"))
        .andExpect(jsonPath("$.items[0].priority").value("high"))
        .andExpect(jsonPath("$.items[0].dueDate").value("2026-04-30"))
        .andExpect(jsonPath("$.items[1].dueDate").value(nullValue()))
        .andExpect(jsonPath("$.items[1].dependsOn", contains("OPS-1")))
        .andExpect(jsonPath("$.items[1].tags", contains("identity-management", "onboarding-materials")))
        .andExpect(jsonPath("$.themes[0].tag").value("identity-management"))
        .andExpect(jsonPath("$.followUps").isEmpty())
        .andExpect(jsonPath("$.checkIns").isEmpty());
  }

  @Test
  void themesCountItemsPerTagAcrossInstanceManagers() throws Exception {
    smallRoadmap();
    signIn("dave");

    mvc.perform(get("/api/ops-jams/" + KEY + "/themes"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].tag", contains("identity-management", "onboarding-materials")))
        .andExpect(jsonPath("$[0].items").value(2))
        .andExpect(jsonPath("$[0].instanceManagers").value(2))
        .andExpect(jsonPath("$[0].communityRequests").value(0))
        .andExpect(jsonPath("$[0].crossInstance").value(true))
        .andExpect(jsonPath("$[0].itemKeys", contains("OPS-1", "OPS-2")))
        .andExpect(jsonPath("$[1].instanceManagers").value(1))
        .andExpect(jsonPath("$[1].crossInstance").value(false));
  }

  @Test
  void theCommunityAddsRequestsWhileTheJamTakesThem() throws Exception {
    signIn("alice");

    mvc.perform(post("/api/ops-jams/" + KEY + "/requests").contentType(MediaType.APPLICATION_JSON).content("""
            {"title": "Design support for an Ecosystem Map", "tags": ["Ecosystem map", "design"],
             "description": "A map of the instances"}"""))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.key").value("OPS-1"))
        .andExpect(jsonPath("$.kind").value("request"))
        .andExpect(jsonPath("$.requestedBy").value("alice"))
        .andExpect(jsonPath("$.status").value("requested"))
        .andExpect(jsonPath("$.tags", contains("ecosystem-map", "design")));
    mvc.perform(post("/api/ops-jams/" + KEY + "/requests").contentType(MediaType.APPLICATION_JSON)
            .content("{\"title\": \"Docs support\", \"tags\": \"onboarding materials, docs\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.key").value("OPS-2"));
    mvc.perform(post("/api/ops-jams/" + KEY + "/requests").contentType(MediaType.APPLICATION_JSON).content("{\"tags\": \"x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value("The request cannot be added: Your request has no title"));

    jams.setPhase(KEY, OpsJams.COMBING);
    mvc.perform(post("/api/ops-jams/" + KEY + "/requests").contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Late\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.message").value("The ops jam 'sourcecred-ecosystems' takes requests from when it is "
            + "scheduled until its backlog is combed; it is combing now. Bring your request to a follow-up meeting or a check-in."));

    org.assertj.core.api.Assertions.assertThat(items.list(KEY)).extracting(RoadmapItems.Item::title, RoadmapItems.Item::tags)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Design support for an Ecosystem Map", List.of("design", "ecosystem-map")),
            org.assertj.core.groups.Tuple.tuple("Docs support", List.of("docs", "onboarding-materials")));
  }

  /** Two combed items from two instance managers, both tagged identity management. */
  private void smallRoadmap() {
    items.add(KEY, jams.nextItemNumber(KEY), new RoadmapItems.NewItem("pain-point", "Identity across instances is manual",
        null, "ines", List.of("identity-management"), "ivan", "high", "planned", LocalDate.parse("2026-04-30"), List.of()));
    items.add(KEY, jams.nextItemNumber(KEY), new RoadmapItems.NewItem("wishlist", "Visibility into ID development",
        "To coordinate resources", "ivan", List.of("identity-management", "onboarding-materials"), "paula", "medium",
        "in-progress", null, List.of("OPS-1")));
    jams.setPhase(KEY, OpsJams.TRACKING);
  }

  private void signIn(String user) {
    when(identity.getCurrentAuthentication()).thenReturn(new Authentication(user, List.of()));
  }
}
