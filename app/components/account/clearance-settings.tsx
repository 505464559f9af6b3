// The secretariat's clearance settings on /users (issue 19): a delegate's approver role, and per
// mission whether its comments need an approver's clearance before they are submitted.
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { SubmitButton } from "~/components/ui/button";
import { isolate, withData } from "~/components/ui/data-text";
import { TableShell } from "~/components/ui/table-shell";

/** "Approver" or not, and the button that changes it, for one delegate's row. */
export function ApproverForm({ user }: { user: { id: string; name: string; approver: boolean } }) {
  const { t } = useTranslation("users");
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "set-approver" && navigation.formData?.get("userId") === user.id;
  return (
    <Form method="post" className="account__approver">
      <span>{t(user.approver ? "clearance.approver" : "clearance.drafter")}</span> <input type="hidden" name="intent" value="set-approver" />
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="approver" value={user.approver ? "off" : "on"} />
      <SubmitButton variant="secondary" size="small" pending={busy}>
        {t(user.approver ? "clearance.removeApprover" : "clearance.makeApprover")}
        <span className="visually-hidden"> {withData(isolate(user.name))}</span>
      </SubmitButton>
    </Form>
  );
}

export type MissionClearanceRow = { id: string; name: string; required: boolean; approvers: number; delegates: number };

/** Every mission with delegate accounts: whether it requires clearance, its approvers, the switch. */
export function MissionClearance({ missions }: { missions: MissionClearanceRow[] }) {
  const { t } = useTranslation("users");
  const navigation = useNavigation();
  if (!missions.length) return null;
  return (
    <section className="stack" aria-labelledby="mission-clearance-title">
      <h2 id="mission-clearance-title">{t("clearance.title")}</h2>
      <p>{t("clearance.intro")}</p>
      <TableShell caption={t("clearance.title")} captionHidden>
        <thead>
          <tr>
            <th scope="col">{t("columns.delegation")}</th>
            <th scope="col">{t("clearance.columns.required")}</th>
            <th scope="col">{t("clearance.columns.approvers")}</th>
            <th scope="col">{t("clearance.columns.change")}</th>
          </tr>
        </thead>
        <tbody>
          {missions.map((m) => {
            const busy =
              navigation.state === "submitting" && navigation.formData?.get("intent") === "set-clearance" && navigation.formData?.get("delegationId") === m.id;
            return (
              <tr key={m.id} data-delegation={m.id}>
                <th scope="row">
                  <bdi>{m.name}</bdi>
                </th>
                <td>{t(m.required ? "clearance.required" : "clearance.notRequired")}</td>
                <td>
                  {m.approvers}
                  {m.required && m.approvers === 0 ? <span className="muted"> · {t("clearance.noApprover")}</span> : null}
                </td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value="set-clearance" />
                    <input type="hidden" name="delegationId" value={m.id} />
                    <input type="hidden" name="required" value={m.required ? "off" : "on"} />
                    <SubmitButton variant="secondary" size="small" pending={busy}>
                      {t(m.required ? "clearance.turnOff" : "clearance.turnOn")}
                      <span className="visually-hidden"> {withData(isolate(m.name))}</span>
                    </SubmitButton>
                  </Form>
                </td>
              </tr>
            );
          })}
        </tbody>
      </TableShell>
    </section>
  );
}
