import { describe, expect, it } from "vitest";
import { toSavedSecrets } from "./saved-secrets";
import { DEFAULT_SETTINGS, parseSettings, settingsPairs } from "./settings";

const saved = (pairs: { key: string; value: string }[]) => toSavedSecrets(pairs);

describe("parseSettings", () => {
  it("uses Graph's defaults when nothing is saved: no email, deletions prevented at 500, assigned only", () => {
    expect(parseSettings([])).toEqual({ notifyOnFailure: false, recipients: "", preventAccidentalDeletes: true, deleteThreshold: 500, syncAll: false });
  });

  it("reads the documented examples", () => {
    // Entra inbound provisioning how-to (test/fixtures/graph-docs examples).
    expect(parseSettings(saved([{ key: "SyncNotificationSettings", value: '{"Enabled":true,"Recipients":"foobar@xyz.com","DeleteThresholdEnabled":true,"DeleteThresholdValue":50}' }]))).toEqual({
      notifyOnFailure: true,
      recipients: "foobar@xyz.com",
      preventAccidentalDeletes: true,
      deleteThreshold: 50,
      syncAll: false,
    });
    // PUT secrets example: DeleteThresholdEnabled false, no value (→ 500), SyncAll "false".
    expect(parseSettings(saved([{ key: "SyncNotificationSettings", value: '{"Enabled":false,"DeleteThresholdEnabled":false}' }, { key: "SyncAll", value: "false" }]))).toMatchObject({
      preventAccidentalDeletes: false,
      deleteThreshold: 500,
      syncAll: false,
    });
  });

  it("tolerates strings for booleans and numbers, any case, and falls back on nonsense", () => {
    const settings = parseSettings(saved([{ key: "SyncNotificationSettings", value: '{"Enabled":"True","DeleteThresholdEnabled":"FALSE","DeleteThresholdValue":"25"}' }, { key: "SyncAll", value: " TRUE " }]));
    expect(settings).toMatchObject({ notifyOnFailure: true, preventAccidentalDeletes: false, deleteThreshold: 25, syncAll: true });
    for (const value of ["not json", "[]", "null", '{"Enabled":1,"DeleteThresholdValue":-3}', '{"DeleteThresholdValue":2.5}']) {
      expect(parseSettings(saved([{ key: "SyncNotificationSettings", value }]))).toEqual(DEFAULT_SETTINGS);
    }
  });
});

describe("settingsPairs", () => {
  it("writes both pairs as Graph keeps them, and keeps notification members the screen does not show", () => {
    const before = saved([{ key: "SyncNotificationSettings", value: '{"Enabled":false,"DeleteThresholdEnabled":false,"HumanResourcesLookaheadQueryEnabled":false,"Recipients":"old@x.example"}' }]);
    const pairs = settingsPairs({ notifyOnFailure: true, recipients: " a@x.example , b@y.example; ", preventAccidentalDeletes: true, deleteThreshold: 40, syncAll: true }, before);
    expect(pairs.map((pair) => pair.key)).toEqual(["SyncNotificationSettings", "SyncAll"]);
    expect(JSON.parse(pairs[0].value)).toEqual({
      Enabled: true,
      Recipients: "a@x.example;b@y.example",
      DeleteThresholdEnabled: true,
      DeleteThresholdValue: 40,
      HumanResourcesLookaheadQueryEnabled: false,
    });
    expect(pairs[1].value).toBe("true");
  });

  it("leaves Recipients out when there are none", () => {
    const [notification] = settingsPairs({ ...DEFAULT_SETTINGS, recipients: "  " }, []);
    expect(JSON.parse(notification.value)).toEqual({ Enabled: false, DeleteThresholdEnabled: true, DeleteThresholdValue: 500 });
  });
});
