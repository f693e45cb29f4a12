// The tablet's supervision screens, loaded only when a member opens them.
import { MyProjects, SupervisedProject } from './MyProjects';

export default function TabletSupervision({ token, projectId, bodyId }: { token: string; projectId?: string; bodyId: string }) {
  return projectId ? <SupervisedProject key={projectId} token={token} projectId={projectId} /> : <MyProjects token={token} bodyId={bodyId} />;
}
