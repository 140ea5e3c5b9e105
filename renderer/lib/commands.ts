import { create } from 'zustand';
import type { CompanyRecord, ProjectRecord, VisitRecord } from '../../shared/contract';

/** What a form is opened with: a company to preset, or a record to edit. */
export interface VisitFormRequest {
  company?: { id: string; name: string };
  visit?: VisitRecord;
}
export interface ProjectFormRequest {
  company?: { id: string; name: string };
  project?: ProjectRecord;
}
export interface CompanyFormRequest {
  company?: CompanyRecord;
}

interface CommandState {
  visitForm: VisitFormRequest | null;
  projectForm: ProjectFormRequest | null;
  companyForm: CompanyFormRequest | null;
  openVisitForm: (request?: VisitFormRequest) => void;
  openProjectForm: (request?: ProjectFormRequest) => void;
  openCompanyForm: (request?: CompanyFormRequest) => void;
  closeVisitForm: () => void;
  closeProjectForm: () => void;
  closeCompanyForm: () => void;
}

/**
 * The forms any page (or a keyboard shortcut) may open. The app shell renders each form
 * once; the feature that owns it reads its request here, so features stay independent.
 */
export const useCommands = create<CommandState>((set) => ({
  visitForm: null,
  projectForm: null,
  companyForm: null,
  openVisitForm: (request = {}) => set({ visitForm: request }),
  openProjectForm: (request = {}) => set({ projectForm: request }),
  openCompanyForm: (request = {}) => set({ companyForm: request }),
  closeVisitForm: () => set({ visitForm: null }),
  closeProjectForm: () => set({ projectForm: null }),
  closeCompanyForm: () => set({ companyForm: null }),
}));
